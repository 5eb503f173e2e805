/**
 * `planToCcda`: one plan of a client's records as a C-CDA R2.1 Care Plan document (template
 * 2.16.840.1.113883.10.20.22.1.15, LOINC 52521-2): Health Concerns, Problems (the diagnoses), Goals,
 * Interventions and Health Status Evaluations and Outcomes sections, each with a narrative from the plan
 * outline and coded entries, and a last narrative section listing what the document cannot carry. Ids are our
 * business ids under our OID, so a document imported twice matches the records of the first import.
 * @medplum/ccda's FHIR→C-CDA direction writes no Care Plan document type and turns objectives into unknown
 * goals, so the document is written here.
 */
import type * as fhir from 'fhir/r4';
import { planOutline, type OutlineSection } from '../../workspace/plan-outline.ts';
import { planToExport } from '../export-plan.ts';
import { CDA_NS, CODE, OID, TEMPLATE, XSI_NS, type CdaCode, type TemplateId } from './ccda-codes.ts';
import { cdaTime, codeElement, templateIds } from './cda-values.ts';
import {
  concernEntry,
  diagnosisEntry,
  interventionEntry,
  measurementEntry,
  outcomeSummaryEntry,
} from './ccda-entries.ts';
import { goalEntry, type GoalContext } from './ccda-goal-entries.ts';
import { humanName, ids, recordTarget } from './ccda-header-writer.ts';
import { notCarried, sectionText } from './ccda-narrative.ts';
import { el, xmlText, type XmlElement } from './xml-text.ts';

export interface CcdaExportOptions {
  /** The plan to export: its business id or `CarePlan/id`. Default: the client's current plan. */
  readonly planId?: string;
  /** When the document is made (its effectiveTime). */
  readonly now: Date;
}

export interface CcdaExport {
  /** The document, XML text (with its XML declaration, ending with a line feed). */
  readonly xml: string;
  /** What of the plan the document cannot carry, one sentence each (also its last section). */
  readonly notCarried: readonly string[];
}

function section(
  template: TemplateId,
  code: CdaCode,
  outline: OutlineSection | undefined,
  entries: readonly XmlElement[],
  title?: string
): XmlElement {
  return el(
    'component',
    {},
    el(
      'section',
      {},
      templateIds(template),
      codeElement('code', code),
      el('title', {}, title ?? outline?.heading ?? code.displayName),
      sectionText(outline?.blocks ?? []),
      entries
    )
  );
}

/**
 * The Care Plan document of a plan in `records` (the client's records as loadPlanRecords returns them, plus the
 * Patient). Throws an Error when the records hold no plan, or not the one asked for (as `exportPlan`).
 */
export function planToCcda(records: readonly fhir.FhirResource[], options: CcdaExportOptions): CcdaExport {
  const plan = planToExport(records, options.planId).plan;
  const byAddress = (reference: string | undefined): fhir.FhirResource | undefined =>
    reference === undefined
      ? undefined
      : records.find(
          (r) =>
            `${r.resourceType}/${r.id ?? ''}` === reference || reference.endsWith(`/${r.resourceType}/${r.id ?? ''}`)
        );
  const patientRecord = byAddress(plan.client.reference) ?? records.find((r) => r.resourceType === 'Patient');
  const patient = patientRecord?.resourceType === 'Patient' ? patientRecord : undefined;
  const authorRecord = byAddress(plan.author?.reference);
  const practitioner = authorRecord?.resourceType === 'Practitioner' ? authorRecord : undefined;
  const organizationRecord = byAddress(patient?.managingOrganization?.reference);
  const organization = organizationRecord?.resourceType === 'Organization' ? organizationRecord : undefined;

  const outline = planOutline(plan);
  const outlineOf = (id: OutlineSection['id']): OutlineSection | undefined => outline.sections.find((s) => s.id === id);
  const target = recordTarget(plan, patient);
  const clinician =
    plan.author === undefined
      ? undefined
      : el(
          'assignedAuthor',
          {},
          ids(practitioner?.identifier),
          el('assignedPerson', {}, humanName(practitioner?.name?.[0], plan.author.name))
        );
  const goalContext: GoalContext = { clientIds: target.ids, ...(clinician ? { clinician } : {}) };
  const now = cdaTime(options.now.toISOString());
  const missing = notCarried(plan);

  const document = el(
    'ClinicalDocument',
    { xmlns: CDA_NS, 'xmlns:xsi': XSI_NS },
    el('realmCode', { code: 'US' }),
    el('typeId', { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' }),
    templateIds(TEMPLATE.usRealmHeader, TEMPLATE.carePlanDocument),
    el('id', { root: OID.entryPart, extension: `${plan.id}/ccda/${now}` }),
    codeElement('code', CODE.carePlanDocument),
    el('title', {}, plan.title),
    el('effectiveTime', { value: now }),
    codeElement('confidentialityCode', CODE.restricted),
    el('languageCode', { code: 'en-US' }),
    el('setId', { root: OID.record, extension: plan.id }),
    el('versionNumber', { value: '1' }),
    target.element,
    el(
      'author',
      {},
      el('time', plan.created === undefined ? { value: now } : { value: cdaTime(plan.created) }),
      clinician ??
        el(
          'assignedAuthor',
          {},
          el('id', { nullFlavor: 'UNK' }),
          el('assignedPerson', {}, el('name', { nullFlavor: 'UNK' }))
        )
    ),
    el(
      'custodian',
      {},
      el(
        'assignedCustodian',
        {},
        el(
          'representedCustodianOrganization',
          {},
          ids(organization?.identifier),
          organization?.name === undefined ? el('name', { nullFlavor: 'UNK' }) : el('name', {}, organization.name)
        )
      )
    ),
    plan.review.periodStart === undefined && plan.review.nextReviewDate === undefined
      ? undefined
      : el(
          'documentationOf',
          {},
          el(
            'serviceEvent',
            { classCode: 'PCPR' },
            el(
              'effectiveTime',
              {},
              plan.review.periodStart === undefined
                ? el('low', { nullFlavor: 'UNK' })
                : el('low', { value: cdaTime(plan.review.periodStart) }),
              plan.review.nextReviewDate === undefined
                ? undefined
                : el('high', { value: cdaTime(plan.review.nextReviewDate) })
            )
          )
        ),
    el(
      'component',
      {},
      el(
        'structuredBody',
        {},
        section(
          TEMPLATE.healthConcernsSection,
          CODE.healthConcernsSection,
          outlineOf('concerns'),
          plan.presentingConcerns.map(concernEntry)
        ),
        section(
          TEMPLATE.problemSection,
          CODE.problemSection,
          outlineOf('diagnoses'),
          plan.diagnoses.map(diagnosisEntry)
        ),
        section(
          TEMPLATE.goalsSection,
          CODE.goalsSection,
          outlineOf('goals'),
          plan.goals.flatMap((goal) => [
            goalEntry(goal, goalContext),
            ...goal.objectives.map((objective) => goalEntry(objective, goalContext, goal)),
          ])
        ),
        section(
          TEMPLATE.interventionsSection,
          CODE.interventionsSection,
          outlineOf('interventions'),
          plan.interventions.map(interventionEntry)
        ),
        section(TEMPLATE.outcomesSection, CODE.outcomesSection, outlineOf('progress'), [
          ...plan.progress.measurements.map(measurementEntry),
          ...(plan.progress.outcomeSummary === undefined || plan.progress.outcomeSummary.trim() === ''
            ? []
            : [outcomeSummaryEntry(plan.id, plan.progress.outcomeSummary)]),
        ]),
        el(
          'component',
          {},
          el(
            'section',
            {},
            templateIds({ root: OID.notCarriedSection }),
            el('title', {}, 'Not carried in this document'),
            el(
              'text',
              {},
              missing.length === 0
                ? el('paragraph', {}, 'Everything in the plan is in this document.')
                : [
                    el(
                      'paragraph',
                      {},
                      'The treatment plan also holds the following, which this document does not carry:'
                    ),
                    el('list', {}, ...missing.map((m) => el('item', {}, m))),
                  ]
            )
          )
        )
      )
    )
  );
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${xmlText(document)}\n`, notCarried: missing };
}
