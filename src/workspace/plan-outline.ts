/**
 * The plan as a printed document reads: an ordered outline of sections with headings, labelled rows, lists and
 * entries (goals with their targets and objectives, interventions), and the signature lines. The print view and
 * the PDF both lay out this one outline, so paper and screen cannot drift apart (issue 4 §4 "Print").
 */
import type { ClientIdentification, Signature, TreatmentPlan } from '../plan/index.ts';
import { goalsSection, interventionsSection, progressSection } from './outline-goals.ts';
import {
  concernsSection,
  considerationsSection,
  contractSection,
  diagnosesSection,
  historySection,
  reviewSection,
  scheduleSection,
  sessionSection,
  strengthsSection,
} from './outline-sections.ts';
import { codeWords, dateTimeWords, dateWords, signerRoleWords } from './outline-words.ts';
import { SECTIONS, type SectionId } from './sections.ts';

export interface OutlineRow {
  readonly label: string;
  readonly value: string;
}

export type OutlineBlock =
  /** Label and value pairs. */
  | { readonly kind: 'rows'; readonly rows: readonly OutlineRow[] }
  /** A labelled list of short items. */
  | { readonly kind: 'list'; readonly label: string; readonly items: readonly string[] }
  /** Longer text under a label (history, summaries). */
  | { readonly kind: 'paragraph'; readonly label: string; readonly text: string }
  /** One part of a section with a title of its own: a goal, an objective, an intervention, a diagnosis. */
  | { readonly kind: 'entry'; readonly title: string; readonly blocks: readonly OutlineBlock[] }
  /** Said when a section or list holds nothing, so a blank is never mistaken for a lost page. */
  | { readonly kind: 'none'; readonly text: string };

/** The sections with content of their own; the signatures section is the signature lines. */
export type ContentSectionId = Exclude<SectionId, 'signatures'>;

export interface OutlineSection {
  readonly id: 'client' | ContentSectionId;
  readonly heading: string;
  readonly blocks: readonly OutlineBlock[];
}

/** What a signature line shows; `signed` is absent for a line still to be signed. */
export interface SignatureLine {
  readonly role: string;
  readonly signed?: {
    readonly signer: string;
    readonly typedName: string;
    readonly signedAt: string;
    readonly planVersion?: string;
    /** Why the clinician signed the plan although it was incomplete, as they wrote it. */
    readonly incompleteReason?: string;
    /** The drawn signature, PNG as base64 (without a `data:` prefix). */
    readonly image?: string;
  };
}

export interface PlanOutline {
  readonly title: string;
  readonly summary?: string;
  /** The name and second identifier every page carries. */
  readonly client: { readonly name: string; readonly identifier?: string };
  readonly sections: readonly OutlineSection[];
  readonly signaturesHeading: string;
  readonly signatures: readonly SignatureLine[];
}

/** The plan as an outline, in the order of the workspace's sections, with the client's identification first. */
export function planOutline(plan: TreatmentPlan): PlanOutline {
  const identifier = plan.client.identifiers[0];
  const bySection: Readonly<Record<ContentSectionId, readonly OutlineBlock[]>> = {
    session: sessionSection(plan),
    history: historySection(plan),
    concerns: concernsSection(plan),
    diagnoses: diagnosesSection(plan),
    contract: contractSection(plan),
    strengths: strengthsSection(plan),
    schedule: scheduleSection(plan),
    goals: goalsSection(plan),
    interventions: interventionsSection(plan),
    progress: progressSection(plan),
    review: reviewSection(plan),
    considerations: considerationsSection(plan),
  };
  return {
    title: plan.title,
    ...(plan.summary !== undefined && plan.summary.trim() !== '' ? { summary: plan.summary } : {}),
    client: {
      name: plan.client.name,
      ...(identifier !== undefined ? { identifier: `${identifier.label} ${identifier.value}` } : {}),
    },
    sections: [
      { id: 'client', heading: 'Client', blocks: clientBlocks(plan.client) },
      ...SECTIONS.flatMap(({ id, title }) =>
        id === 'signatures' ? [] : [{ id, heading: title, blocks: bySection[id] }]
      ),
    ],
    signaturesHeading: SECTIONS.find((section) => section.id === 'signatures')?.title ?? 'Signatures',
    signatures: signatureLines(plan.signatures),
  };
}

function clientBlocks(client: ClientIdentification): readonly OutlineBlock[] {
  const rows: OutlineRow[] = [
    { label: 'Name', value: client.name },
    ...client.identifiers.map((identifier) => ({ label: identifier.label, value: identifier.value })),
  ];
  if (client.identifiers.length === 0) rows.push({ label: 'Second identifier', value: 'None on record' });
  const born = dateWords(client.birthDate);
  if (born !== undefined) rows.push({ label: 'Date of birth', value: born });
  if (client.gender !== undefined) rows.push({ label: 'Gender', value: codeWords(client.gender) });
  return [{ kind: 'rows', rows }];
}

/**
 * Every signature given, then an empty line for the clinician and for the client when they have not signed (a
 * guardian's signature stands for a minor client's).
 */
export function signatureLines(signatures: readonly Signature[]): readonly SignatureLine[] {
  const given = signatures.map((signature): SignatureLine => ({
    role: signerRoleWords(signature.role),
    signed: {
      signer: signature.signer.name,
      typedName: signature.typedName,
      signedAt: dateTimeWords(signature.signedAt) ?? signature.signedAt,
      ...(signature.planVersion !== undefined ? { planVersion: signature.planVersion } : {}),
      ...(signature.incompleteReason !== undefined ? { incompleteReason: signature.incompleteReason } : {}),
      ...(signature.image !== undefined && signature.image.trim() !== ''
        ? { image: signature.image.trim().replace(/^data:image\/png;base64,/, '') }
        : {}),
    },
  }));
  const has = (...roles: readonly Signature['role'][]): boolean => signatures.some((s) => roles.includes(s.role));
  return [
    ...given,
    ...(has('clinician') ? [] : [{ role: signerRoleWords('clinician') }]),
    ...(has('client', 'guardian') ? [] : [{ role: `${signerRoleWords('client')} (or parent or guardian)` }]),
  ];
}
