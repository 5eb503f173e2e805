/** Anxiety, obsessive-compulsive, and trauma- and stressor-related disorders. */
import { diagnosisEntry, type CatalogDiagnosis, type DiagnosisGroup, type SnomedConcept } from './entry.ts';

const ANXIETY = ['anxiety', 'anxious', 'worry'];
const PHOBIA = ['anxiety', 'phobia', 'specific phobia', 'fear'];
const PTSD = ['PTSD', 'trauma', 'traumatic stress', 'post-traumatic', 'posttraumatic'];
const ADJUSTMENT = ['adjustment', 'stress', 'life change'];

const entry =
  (group: DiagnosisGroup, shared: readonly string[]) =>
  (icd: string, title: string, snomed: SnomedConcept | undefined, keywords: readonly string[] = []): CatalogDiagnosis =>
    diagnosisEntry(group, icd, title, snomed, [...shared, ...keywords]);

const anxiety = entry('anxiety', ANXIETY);
const phobia = entry('anxiety', PHOBIA);
const ocd = entry('obsessive-compulsive', []);
const trauma = entry('trauma-and-stress', PTSD);
const adjustment = entry('trauma-and-stress', ADJUSTMENT);

export const ANXIETY_TRAUMA_DIAGNOSES: readonly CatalogDiagnosis[] = [
  anxiety(
    'F41.1',
    'Generalized anxiety disorder',
    ['21897009', 'Generalized anxiety disorder'],
    ['GAD', 'generalised']
  ),
  anxiety('F41.0', 'Panic disorder [episodic paroxysmal anxiety]', ['371631005', 'Panic disorder'], ['panic attacks']),
  anxiety(
    'F40.01',
    'Agoraphobia with panic disorder',
    ['35607004', 'Panic disorder with agoraphobia'],
    ['panic attacks', 'agoraphobia']
  ),
  anxiety('F40.00', 'Agoraphobia, unspecified', ['70691001', 'Agoraphobia'], ['agoraphobia']),
  anxiety(
    'F40.10',
    'Social phobia, unspecified',
    ['25501002', 'Social phobia'],
    ['social anxiety', 'social anxiety disorder', 'SAD', 'shyness']
  ),
  anxiety('F40.11', 'Social phobia, generalized', undefined, ['social anxiety', 'social anxiety disorder']),
  anxiety('F41.9', 'Anxiety disorder, unspecified', ['197480006', 'Anxiety disorder']),
  anxiety(
    'F93.0',
    'Separation anxiety disorder of childhood',
    ['11806006', 'Separation anxiety disorder of childhood'],
    ['separation anxiety', 'child', 'youth']
  ),
  anxiety('F94.0', 'Selective mutism', undefined, ['child', 'youth', 'not speaking']),
  phobia('F40.9', 'Phobic anxiety disorder, unspecified', ['386810004', 'Phobic disorder']),
  phobia('F40.218', 'Other animal type phobia', undefined, ['dogs', 'animals']),
  phobia('F40.210', 'Arachnophobia', undefined, ['spiders']),
  phobia('F40.230', 'Fear of blood', undefined, ['blood-injection-injury']),
  phobia('F40.231', 'Fear of injections and transfusions', undefined, ['needles', 'blood-injection-injury']),
  phobia('F40.240', 'Claustrophobia', undefined, ['enclosed spaces']),
  phobia('F40.241', 'Acrophobia', undefined, ['heights']),
  phobia('F40.243', 'Fear of flying', undefined, ['flying', 'aerophobia']),
  ocd('F42.2', 'Mixed obsessional thoughts and acts', undefined, ['OCD', 'obsessions', 'compulsions']),
  ocd(
    'F42.9',
    'Obsessive-compulsive disorder, unspecified',
    ['191736004', 'Obsessive-compulsive disorder'],
    ['OCD', 'obsessions', 'compulsions']
  ),
  ocd('F42.3', 'Hoarding disorder', undefined, ['hoarding']),
  ocd('F42.4', 'Excoriation (skin-picking) disorder', undefined, ['skin picking', 'BFRB']),
  ocd('F63.3', 'Trichotillomania', ['17155009', 'Trichotillomania'], ['hair pulling', 'BFRB']),
  ocd('F45.22', 'Body dysmorphic disorder', undefined, ['BDD', 'appearance']),
  trauma('F43.10', 'Post-traumatic stress disorder, unspecified', ['47505003', 'Posttraumatic stress disorder']),
  trauma('F43.11', 'Post-traumatic stress disorder, acute', undefined),
  trauma('F43.12', 'Post-traumatic stress disorder, chronic', ['313182004', 'Chronic post-traumatic stress disorder']),
  diagnosisEntry(
    'trauma-and-stress',
    'F43.0',
    'Acute stress reaction',
    ['67195008', 'Acute stress disorder'],
    ['trauma', 'acute stress disorder', 'ASD']
  ),
  adjustment('F43.20', 'Adjustment disorder, unspecified', ['17226007', 'Adjustment disorder']),
  adjustment(
    'F43.21',
    'Adjustment disorder with depressed mood',
    ['57194009', 'Adjustment disorder with depressed mood'],
    ['depression', 'low mood']
  ),
  adjustment(
    'F43.22',
    'Adjustment disorder with anxiety',
    ['47372000', 'Adjustment disorder with anxious mood'],
    ['anxiety']
  ),
  adjustment(
    'F43.23',
    'Adjustment disorder with mixed anxiety and depressed mood',
    ['782501005', 'Adjustment disorder with mixed anxiety and depressed mood'],
    ['anxiety', 'depression']
  ),
  adjustment('F43.24', 'Adjustment disorder with disturbance of conduct', undefined, ['behaviour', 'behavior']),
  adjustment(
    'F43.25',
    'Adjustment disorder with mixed disturbance of emotions and conduct',
    ['66381006', 'Adjustment disorder with mixed disturbance of emotions AND conduct'],
    ['behaviour', 'behavior']
  ),
  diagnosisEntry('trauma-and-stress', 'F43.81', 'Prolonged grief disorder', undefined, [
    'grief',
    'bereavement',
    'complicated grief',
    'loss',
  ]),
];
