/** Neurodevelopmental and conduct, eating, sleep, personality and psychotic disorders, and relational problems. */
import { diagnosisEntry, type CatalogDiagnosis, type DiagnosisGroup, type SnomedConcept } from './entry.ts';

const ADHD = ['ADHD', 'ADD', 'attention', 'hyperactivity', 'youth'];
const EATING = ['eating disorder', 'ED'];
const SLEEP = ['sleep', 'insomnia'];
const RELATIONAL = ['relationship', 'relational problem', 'conflict'];

const entry =
  (group: DiagnosisGroup, shared: readonly string[]) =>
  (icd: string, title: string, snomed: SnomedConcept | undefined, keywords: readonly string[] = []): CatalogDiagnosis =>
    diagnosisEntry(group, icd, title, snomed, [...shared, ...keywords]);

const adhd = entry('neurodevelopmental-and-conduct', ADHD);
const youth = entry('neurodevelopmental-and-conduct', ['youth', 'child']);
const eating = entry('eating', EATING);
const sleep = entry('sleep', SLEEP);
const other = entry('personality-and-other', []);
const relational = entry('relational', RELATIONAL);

export const OTHER_DIAGNOSES: readonly CatalogDiagnosis[] = [
  adhd(
    'F90.0',
    'Attention-deficit hyperactivity disorder, predominantly inattentive type',
    ['35253001', 'Attention deficit hyperactivity disorder, predominantly inattentive type'],
    ['inattentive']
  ),
  adhd(
    'F90.1',
    'Attention-deficit hyperactivity disorder, predominantly hyperactive type',
    ['7461003', 'Attention deficit hyperactivity disorder, predominantly hyperactive impulsive type'],
    ['impulsive']
  ),
  adhd(
    'F90.2',
    'Attention-deficit hyperactivity disorder, combined type',
    ['31177006', 'Attention deficit hyperactivity disorder, combined type'],
    ['combined']
  ),
  adhd('F90.9', 'Attention-deficit hyperactivity disorder, unspecified type', [
    '406506008',
    'Attention deficit hyperactivity disorder',
  ]),
  youth(
    'F91.3',
    'Oppositional defiant disorder',
    ['18941000', 'Oppositional defiant disorder'],
    ['ODD', 'defiance', 'behaviour', 'behavior']
  ),
  youth('F91.9', 'Conduct disorder, unspecified', ['430909002', 'Conduct disorder'], ['behaviour', 'behavior']),
  youth('F84.0', 'Autistic disorder', ['408856003', 'Autistic disorder'], ['autism', 'ASD', 'autism spectrum']),
  eating('F50.00', 'Anorexia nervosa, unspecified', ['56882008', 'Anorexia nervosa'], ['anorexia', 'restricting']),
  eating('F50.20', 'Bulimia nervosa, unspecified', ['78004001', 'Bulimia nervosa'], ['bulimia', 'purging']),
  eating(
    'F50.819',
    'Binge eating disorder, unspecified',
    ['439960005', 'Binge eating disorder'],
    ['BED', 'binge eating']
  ),
  eating(
    'F50.82',
    'Avoidant/restrictive food intake disorder',
    ['700213005', 'Avoidant restrictive food intake disorder'],
    ['ARFID', 'picky eating']
  ),
  sleep('G47.00', 'Insomnia, unspecified', ['193462001', 'Insomnia']),
  sleep('F51.01', 'Primary insomnia', ['3972004', 'Primary insomnia']),
  sleep('F51.04', 'Psychophysiologic insomnia', ['425832009', 'Psychophysiologic insomnia']),
  sleep('F51.5', 'Nightmare disorder', undefined, ['nightmares', 'bad dreams', 'trauma']),
  other(
    'F60.3',
    'Borderline personality disorder',
    ['20010003', 'Borderline personality disorder'],
    ['BPD', 'emotional dysregulation', 'personality disorder', 'self-harm']
  ),
  other(
    'F63.81',
    'Intermittent explosive disorder',
    ['40987004', 'Intermittent explosive disorder'],
    ['anger', 'rage', 'aggression']
  ),
  other('F45.1', 'Undifferentiated somatoform disorder', undefined, ['somatic symptom disorder', 'somatic']),
  other('F20.9', 'Schizophrenia, unspecified', ['58214004', 'Schizophrenia'], ['psychosis', 'psychotic']),
  other('F25.9', 'Schizoaffective disorder, unspecified', undefined, ['psychosis', 'psychotic', 'mood']),
  other('R45.851', 'Suicidal ideations', ['6471006', 'Suicidal thoughts'], ['suicidal', 'SI', 'suicide', 'risk']),
  relational('Z63.0', 'Problems in relationship with spouse or partner', undefined, [
    'couples',
    'marital',
    'marriage',
    'partner',
    'spouse',
  ]),
  relational('Z63.5', 'Disruption of family by separation and divorce', undefined, ['divorce', 'separation', 'family']),
  relational('Z63.8', 'Other specified problems related to primary support group', undefined, [
    'family',
    'family conflict',
  ]),
  relational('Z62.820', 'Parent-biological child conflict', undefined, ['parent', 'child', 'family', 'youth']),
  relational('Z63.4', 'Disappearance and death of family member', undefined, [
    'grief',
    'bereavement',
    'loss',
    'family',
  ]),
  relational('Z60.0', 'Problems of adjustment to life-cycle transitions', undefined, ['life transition', 'adjustment']),
];
