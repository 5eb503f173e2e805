/** Depressive and bipolar disorders. */
import { diagnosisEntry, type CatalogDiagnosis, type SnomedConcept } from './entry.ts';

const MDD = ['depression', 'depressed', 'MDD', 'major depression', 'low mood'];
const SINGLE = [...MDD, 'single episode'];
const RECURRENT = [...MDD, 'recurrent depression'];
const BIPOLAR = ['bipolar', 'manic depression', 'mood swings'];

const depressive = (
  icd: string,
  title: string,
  snomed: SnomedConcept | undefined,
  keywords: readonly string[]
): CatalogDiagnosis => diagnosisEntry('depressive', icd, title, snomed, keywords);
const bipolar = (
  icd: string,
  title: string,
  snomed: SnomedConcept | undefined,
  keywords: readonly string[] = []
): CatalogDiagnosis => diagnosisEntry('bipolar', icd, title, snomed, [...BIPOLAR, ...keywords]);

export const MOOD_DIAGNOSES: readonly CatalogDiagnosis[] = [
  depressive(
    'F32.0',
    'Major depressive disorder, single episode, mild',
    ['79298009', 'Mild major depression, single episode'],
    SINGLE
  ),
  depressive(
    'F32.1',
    'Major depressive disorder, single episode, moderate',
    ['15639000', 'Moderate major depression, single episode'],
    SINGLE
  ),
  depressive(
    'F32.2',
    'Major depressive disorder, single episode, severe without psychotic features',
    ['76441001', 'Severe major depression, single episode, without psychotic features'],
    SINGLE
  ),
  depressive(
    'F32.3',
    'Major depressive disorder, single episode, severe with psychotic features',
    ['430852001', 'Severe major depression, single episode, with psychotic features'],
    [...SINGLE, 'psychotic depression']
  ),
  depressive(
    'F32.4',
    'Major depressive disorder, single episode, in partial remission',
    ['70747007', 'Major depression single episode, in partial remission'],
    SINGLE
  ),
  depressive(
    'F32.5',
    'Major depressive disorder, single episode, in full remission',
    ['19527009', 'Single episode of major depression in full remission'],
    SINGLE
  ),
  depressive(
    'F32.9',
    'Major depressive disorder, single episode, unspecified',
    ['36923009', 'Major depression, single episode'],
    SINGLE
  ),
  depressive('F32.A', 'Depression, unspecified', ['35489007', 'Depressive disorder'], MDD),
  depressive(
    'F33.0',
    'Major depressive disorder, recurrent, mild',
    ['40379007', 'Mild recurrent major depression'],
    RECURRENT
  ),
  depressive(
    'F33.1',
    'Major depressive disorder, recurrent, moderate',
    ['18818009', 'Moderate recurrent major depression'],
    RECURRENT
  ),
  depressive(
    'F33.2',
    'Major depressive disorder, recurrent severe without psychotic features',
    ['36474008', 'Severe recurrent major depression without psychotic features'],
    RECURRENT
  ),
  depressive(
    'F33.3',
    'Major depressive disorder, recurrent, severe with psychotic symptoms',
    ['28475009', 'Severe recurrent major depression with psychotic features'],
    [...RECURRENT, 'psychotic depression']
  ),
  depressive(
    'F33.41',
    'Major depressive disorder, recurrent, in partial remission',
    ['33135002', 'Recurrent major depression in partial remission'],
    RECURRENT
  ),
  depressive(
    'F33.42',
    'Major depressive disorder, recurrent, in full remission',
    ['46244001', 'Recurrent major depression in full remission'],
    RECURRENT
  ),
  depressive(
    'F33.9',
    'Major depressive disorder, recurrent, unspecified',
    ['66344007', 'Recurrent major depression'],
    RECURRENT
  ),
  depressive(
    'F34.1',
    'Dysthymic disorder',
    ['78667006', 'Dysthymia'],
    ['depression', 'persistent depressive disorder', 'PDD', 'chronic depression']
  ),
  depressive(
    'F34.81',
    'Disruptive mood dysregulation disorder',
    ['715924009', 'Disruptive mood dysregulation disorder'],
    ['DMDD', 'irritability', 'temper outbursts', 'youth']
  ),
  depressive(
    'F32.81',
    'Premenstrual dysphoric disorder',
    ['596004', 'Premenstrual dysphoric disorder'],
    ['PMDD', 'depression']
  ),
  depressive(
    'F53.0',
    'Postpartum depression',
    ['58703003', 'Postpartum depression'],
    ['depression', 'perinatal depression', 'postnatal depression', 'peripartum']
  ),
  bipolar('F31.81', 'Bipolar II disorder', ['83225003', 'Bipolar II disorder'], ['hypomania']),
  bipolar('F31.9', 'Bipolar disorder, unspecified', ['13746004', 'Bipolar disorder']),
  bipolar('F31.0', 'Bipolar disorder, current episode hypomanic', undefined, ['hypomania']),
  bipolar(
    'F31.11',
    'Bipolar disorder, current episode manic without psychotic features, mild',
    ['191620005', 'Bipolar affective disorder, currently manic, mild'],
    ['mania']
  ),
  bipolar(
    'F31.12',
    'Bipolar disorder, current episode manic without psychotic features, moderate',
    ['191621009', 'Bipolar affective disorder, currently manic, moderate'],
    ['mania']
  ),
  bipolar(
    'F31.31',
    'Bipolar disorder, current episode depressed, mild',
    ['191629006', 'Bipolar affective disorder, currently depressed, mild'],
    ['bipolar depression']
  ),
  bipolar(
    'F31.32',
    'Bipolar disorder, current episode depressed, moderate',
    ['191630001', 'Bipolar affective disorder, currently depressed, moderate'],
    ['bipolar depression']
  ),
  bipolar('F31.4', 'Bipolar disorder, current episode depressed, severe, without psychotic features', undefined, [
    'bipolar depression',
  ]),
  bipolar(
    'F31.76',
    'Bipolar disorder, in full remission, most recent episode depressed',
    ['191634005', 'Bipolar affective disorder, currently depressed, in full remission'],
    ['remission']
  ),
  diagnosisEntry(
    'bipolar',
    'F34.0',
    'Cyclothymic disorder',
    ['76105009', 'Cyclothymia'],
    ['cyclothymia', 'mood swings']
  ),
];
