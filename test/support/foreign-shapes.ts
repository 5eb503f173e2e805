/**
 * Care-plan data in the shapes other systems write (DESIGN.md §4 "read both"), written by us so the suite
 * stands alone: contained resources, inline activity details, R5-style `part-of` goal relationships,
 * proposals, conditions coded in one system or in words only, and plans with no goals or narrative.
 */
import type * as fhir from 'fhir/r4';
import { SYSTEM } from '../../src/mapping/codes.ts';
import { PATIENT, PRACTITIONER } from './mapping-world.ts';

const subject = { reference: 'Patient/client-jordan' };
const v = (versionId: string): fhir.Meta => ({ versionId });

export const containedGoalPlan: fhir.CarePlan = {
  resourceType: 'CarePlan',
  id: 'ehr-contained',
  meta: v('4'),
  contained: [
    {
      resourceType: 'Goal',
      id: 'g1',
      lifecycleStatus: 'completed',
      achievementStatus: { coding: [{ system: SYSTEM.goalAchievement, code: 'achieved' }] },
      description: { text: 'Sleep through the night' },
      subject,
    } as fhir.Goal,
    { resourceType: 'Condition', id: 'p1', code: { text: 'Insomnia' }, subject } as fhir.Condition,
  ],
  status: 'active',
  intent: 'plan',
  subject,
  addresses: [{ reference: '#p1' }],
  goal: [{ reference: '#g1' }],
};

export const inlineActivityPlan: fhir.CarePlan = {
  resourceType: 'CarePlan',
  id: 'ehr-inline',
  meta: v('2'),
  status: 'active',
  intent: 'plan',
  subject,
  activity: [
    {
      detail: {
        kind: 'ServiceRequest',
        code: { coding: [{ system: SYSTEM.snomed, code: '228557008' }], text: 'CBT' },
        status: 'in-progress',
        doNotPerform: false,
        scheduledTiming: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } },
        performer: [{ reference: 'Practitioner/clinician-dana', display: 'Dana Rivera' }],
        description: 'Weekly individual sessions',
      },
    },
    { reference: { reference: 'Appointment/next-visit' } },
  ],
};

const parent: fhir.Goal = {
  resourceType: 'Goal',
  id: 'goal-parent',
  meta: v('1'),
  lifecycleStatus: 'active',
  description: { text: 'Feel less anxious' },
  subject,
};
const child: fhir.Goal = {
  resourceType: 'Goal',
  id: 'goal-child',
  meta: v('1'),
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/goal-relationship',
      extension: [
        {
          url: 'type',
          valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/goal-relationship-type', code: 'part-of' }] },
        },
        { url: 'target', valueReference: { reference: 'Goal/goal-parent' } },
      ],
    },
  ],
  lifecycleStatus: 'active',
  description: { text: 'Practise breathing exercises daily' },
  subject,
  target: [{ measure: { text: 'Days a week' }, detailRange: { low: { value: 5 } } }],
};
export const partOfPlan: fhir.FhirResource[] = [
  {
    resourceType: 'CarePlan',
    id: 'ehr-part-of',
    meta: v('1'),
    status: 'active',
    intent: 'proposal',
    subject,
    goal: [{ reference: 'Goal/goal-child' }, { reference: 'Goal/goal-parent' }],
  },
  parent,
  child,
];

const condition = (
  id: string,
  category: fhir.Coding | undefined,
  code: fhir.CodeableConcept,
  clinical?: string
): fhir.Condition => ({
  resourceType: 'Condition',
  id,
  meta: v('1'),
  ...(clinical ? { clinicalStatus: { coding: [{ system: SYSTEM.conditionClinical, code: clinical }] } } : {}),
  ...(category ? { category: [{ coding: [category] }] } : {}),
  code,
  subject,
});
export const codedConditionsPlan: fhir.FhirResource[] = [
  {
    resourceType: 'CarePlan',
    id: 'ehr-conditions',
    meta: v('1'),
    status: 'active',
    intent: 'plan',
    subject,
    category: [{ coding: [{ system: SYSTEM.snomed, code: '734163000', display: 'Care plan' }] }],
    addresses: [{ reference: 'Condition/words' }, { reference: 'Condition/icd' }, { reference: 'Condition/snomed' }],
  },
  condition('words', { system: SYSTEM.conditionCategoryUsCore, code: 'health-concern' }, { text: 'Trouble at work' }),
  condition(
    'icd',
    { system: SYSTEM.conditionCategory, code: 'problem-list-item' },
    { coding: [{ system: SYSTEM.icd10cm, code: 'F41.1' }] },
    'active'
  ),
  condition(
    'snomed',
    { system: SYSTEM.conditionCategory, code: 'encounter-diagnosis' },
    { coding: [{ system: SYSTEM.snomed, code: '370143000', display: 'Major depressive disorder' }] }
  ),
];

export const barePlan: fhir.CarePlan = {
  resourceType: 'CarePlan',
  id: 'ehr-bare',
  meta: v('1'),
  status: 'draft',
  intent: 'plan',
  subject,
};

export const context: fhir.FhirResource[] = [PATIENT, PRACTITIONER];
