/**
 * Substance use. ICD-10-CM has no "use disorder": DSM-5 mild use disorder is coded as abuse, moderate or severe as
 * dependence, so both names are keywords.
 */
import { diagnosisEntry, type CatalogDiagnosis, type SnomedConcept } from './entry.ts';

const SUBSTANCE = ['substance use', 'SUD', 'addiction'];
const ALCOHOL = [...SUBSTANCE, 'alcohol', 'drinking', 'AUD', 'alcohol use disorder'];
const CANNABIS = [...SUBSTANCE, 'cannabis', 'marijuana', 'weed', 'cannabis use disorder'];
const OPIOID = [...SUBSTANCE, 'opioid', 'opiates', 'heroin', 'fentanyl', 'OUD', 'opioid use disorder'];
const STIMULANT = [...SUBSTANCE, 'stimulant', 'stimulant use disorder'];
const MILD = ['mild'];
const MODERATE_SEVERE = ['moderate', 'severe'];

const use = (
  icd: string,
  title: string,
  snomed: SnomedConcept | undefined,
  keywords: readonly string[]
): CatalogDiagnosis => diagnosisEntry('substance-use', icd, title, snomed, keywords);

export const SUBSTANCE_USE_DIAGNOSES: readonly CatalogDiagnosis[] = [
  use('F10.10', 'Alcohol abuse, uncomplicated', ['15167005', 'Alcohol abuse'], [...ALCOHOL, ...MILD]),
  use('F10.11', 'Alcohol abuse, in remission', undefined, [...ALCOHOL, ...MILD, 'remission']),
  use(
    'F10.20',
    'Alcohol dependence, uncomplicated',
    ['66590003', 'Alcohol dependence'],
    [...ALCOHOL, ...MODERATE_SEVERE, 'alcoholism']
  ),
  use('F10.21', 'Alcohol dependence, in remission', undefined, [...ALCOHOL, ...MODERATE_SEVERE, 'remission']),
  use('F12.10', 'Cannabis abuse, uncomplicated', ['37344009', 'Cannabis abuse'], [...CANNABIS, ...MILD]),
  use(
    'F12.20',
    'Cannabis dependence, uncomplicated',
    ['85005007', 'Cannabis dependence'],
    [...CANNABIS, ...MODERATE_SEVERE]
  ),
  use(
    'F12.21',
    'Cannabis dependence, in remission',
    ['191839003', 'Cannabis dependence in remission'],
    [...CANNABIS, ...MODERATE_SEVERE, 'remission']
  ),
  use('F11.10', 'Opioid abuse, uncomplicated', ['5602001', 'Opioid abuse'], [...OPIOID, ...MILD]),
  use('F11.20', 'Opioid dependence, uncomplicated', ['75544000', 'Opioid dependence'], [...OPIOID, ...MODERATE_SEVERE]),
  use(
    'F11.21',
    'Opioid dependence, in remission',
    ['191821007', 'Opioid dependence in remission'],
    [...OPIOID, ...MODERATE_SEVERE, 'remission']
  ),
  use('F14.10', 'Cocaine abuse, uncomplicated', ['78267003', 'Cocaine abuse'], [...STIMULANT, 'cocaine', ...MILD]),
  use(
    'F14.20',
    'Cocaine dependence, uncomplicated',
    ['31956009', 'Cocaine dependence'],
    [...STIMULANT, 'cocaine', ...MODERATE_SEVERE]
  ),
  use(
    'F15.10',
    'Other stimulant abuse, uncomplicated',
    ['441527004', 'Stimulant abuse'],
    [...STIMULANT, 'methamphetamine', 'amphetamine', 'meth', ...MILD]
  ),
  use(
    'F15.20',
    'Other stimulant dependence, uncomplicated',
    ['442406005', 'Stimulant dependence'],
    [...STIMULANT, 'methamphetamine', 'amphetamine', 'meth', ...MODERATE_SEVERE]
  ),
  use(
    'F17.200',
    'Nicotine dependence, unspecified, uncomplicated',
    ['56294008', 'Nicotine dependence'],
    [...SUBSTANCE, 'nicotine', 'tobacco', 'smoking', 'vaping']
  ),
  use('F17.210', 'Nicotine dependence, cigarettes, uncomplicated', undefined, [
    ...SUBSTANCE,
    'nicotine',
    'tobacco',
    'smoking',
    'cigarettes',
  ]),
  diagnosisEntry('personality-and-other', 'F63.0', 'Pathological gambling', undefined, [
    'gambling',
    'gambling disorder',
    'addiction',
  ]),
];
