/**
 * Techniques for interventions. SNOMED CT only where DESIGN.md §4 lists a confirmed concept; our `therapy-modality`
 * CodeSystem for the modalities without one; words alone for the rest. A specific technique inside a modality
 * (cognitive restructuring inside CBT) carries the modality's code and says the technique in its text.
 */
import type { Concept } from '../../plan/index.ts';
import { CATALOG_SYSTEM } from '../systems.ts';

type SnomedModality = readonly [code: string, display: string];
type OwnModality = readonly [code: string, display: string];

export const SNOMED_MODALITY = {
  cbt: ['228557008', 'Cognitive and behavioral therapy'],
  dbt: ['405780009', 'Dialectical behavior therapy'],
  psychodynamic: ['314034001', 'Psychodynamic psychotherapy'],
  family: ['108313002', 'Family psychotherapy procedure'],
  group: ['76168009', 'Group psychotherapy'],
  individual: ['18512000', 'Individual psychotherapy'],
  interpersonal: ['443730003', 'Interpersonal psychotherapy'],
  alcoholRelapsePrevention: ['720176005', 'Alcohol relapse prevention program'],
  drugRelapsePrevention: ['720177001', 'Drug relapse prevention program'],
} as const satisfies Record<string, SnomedModality>;

export const OWN_MODALITY = {
  motivationalInterviewing: ['motivational-interviewing', 'Motivational interviewing'],
  act: ['acceptance-commitment-therapy', 'Acceptance and commitment therapy'],
  tfCbt: ['trauma-focused-cbt', 'Trauma-focused cognitive behavioral therapy'],
  cpt: ['cognitive-processing-therapy', 'Cognitive processing therapy'],
  pe: ['prolonged-exposure', 'Prolonged exposure therapy'],
  behavioralActivation: ['behavioral-activation', 'Behavioral activation'],
  couples: ['couples-therapy', 'Couples therapy'],
} as const satisfies Record<string, OwnModality>;

/** A technique coded with a SNOMED CT modality; `text` defaults to the modality's name. */
export function snomedTechnique(modality: keyof typeof SNOMED_MODALITY, text?: string): Concept {
  const [code, display] = SNOMED_MODALITY[modality];
  return { text: text ?? display, codes: [{ system: CATALOG_SYSTEM.snomed, code, display }] };
}

/** A technique coded with one of our own modality codes; `text` defaults to the modality's name. */
export function ownTechnique(modality: keyof typeof OWN_MODALITY, text?: string): Concept {
  const [code, display] = OWN_MODALITY[modality];
  return { text: text ?? display, codes: [{ system: CATALOG_SYSTEM.therapyModality, code, display }] };
}

/** A technique in words only: no code says it. */
export function describedTechnique(text: string): Concept {
  return { text, codes: [] };
}
