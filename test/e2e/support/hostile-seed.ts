/**
 * A synthetic client whose every text field carries a script payload: the sandbox's own seed for George Smith
 * (client, clinicians, visits, diagnoses, scores and his complete plan), with a payload appended to every human
 * text (names, identifiers other than the app's record ids, titles, descriptions, displays, notes), his plan's
 * narrative replaced by hostile markup, and one more care plan from "another system" whose title, notes and
 * narrative are hostile too. Nothing here is real data.
 */
import type * as fhir from 'fhir/r4';
import { RECORD_ID_SYSTEM } from '../../../src/mapping/codes.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { sandboxSeed } from '../../../src/sandbox/seed/sandbox-seed.ts';
import { loadSeed, type BundlePoster } from '../../../src/sandbox/seed/seed-loader.ts';

export const HOSTILE_CLIENT = 'george-smith';

/** Each would set `window.__pwned` (or open a dialog) if it ever ran. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1//',
  '\'><iframe src="javascript:window.__pwned=1"></iframe>',
] as const;

/** Keys whose string values (or arrays of strings) people read. */
const TEXT_KEYS = new Set([
  'text',
  'title',
  'description',
  'display',
  'family',
  'given',
  'prefix',
  'suffix',
  'valueString',
]);

/** A narrative with live markup (which must be removed) and escaped markup (which must show as text). */
export const HOSTILE_NARRATIVE =
  '<div xmlns="http://www.w3.org/1999/xhtml"><p>Narrative from another clinic.</p>' +
  '<script>window.__pwned=1</script>' +
  '<p onclick="window.__pwned=1">Clickable paragraph</p>' +
  '<img src="x" onerror="window.__pwned=1"/>' +
  '<a href="javascript:window.__pwned=1">A javascript link</a>' +
  '<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p></div>';

export const FOREIGN_PLAN_ID = 'hostile-foreign-plan';

function hostileText(payloads: { next: () => string }, value: string): string {
  return `${value} ${payloads.next()}`;
}

/** Appends a payload to every human text under `node`, in place. */
function poison(node: unknown, payloads: { next: () => string }): void {
  if (Array.isArray(node)) {
    node.forEach((item) => {
      poison(item, payloads);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'identifier') {
      poisonIdentifiers(value, payloads);
    } else if (TEXT_KEYS.has(key) && typeof value === 'string') {
      record[key] = hostileText(payloads, value);
    } else if (TEXT_KEYS.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      record[key] = value.map((v: string) => hostileText(payloads, v));
    } else {
      poison(value, payloads);
    }
  }
}

/** An identifier's value is shown (MRN, second identifier), except the app's own record ids, which link records. */
function poisonIdentifiers(value: unknown, payloads: { next: () => string }): void {
  for (const identifier of Array.isArray(value) ? value : [value]) {
    if (typeof identifier !== 'object' || identifier === null) continue;
    const id = identifier as fhir.Identifier;
    if (id.system !== RECORD_ID_SYSTEM && typeof id.value === 'string') id.value = hostileText(payloads, id.value);
    poison(id.type, payloads);
    poison(id.assigner, payloads);
  }
}

function rotating(): { next: () => string } {
  let index = 0;
  return {
    next: () => {
      const payload = PAYLOADS[index % PAYLOADS.length] ?? PAYLOADS[0];
      index += 1;
      return payload;
    },
  };
}

function foreignPlan(): fhir.CarePlan {
  return {
    resourceType: 'CarePlan',
    id: FOREIGN_PLAN_ID,
    status: 'completed',
    intent: 'plan',
    subject: { reference: `Patient/${HOSTILE_CLIENT}` },
    title: `Plan from another clinic ${PAYLOADS[0]}`,
    description: `Written elsewhere ${PAYLOADS[1]}`,
    created: '2020-01-15',
    note: [{ text: `A note from elsewhere ${PAYLOADS[2]}` }],
    text: { status: 'additional', div: HOSTILE_NARRATIVE },
  };
}

/** Gives the current plan (the one carrying our record id) a narrative another system rewrote. */
function rewriteNarratives(resource: unknown): void {
  if (typeof resource !== 'object' || resource === null) return;
  const record = resource as { resourceType?: string; entry?: { resource?: unknown }[] };
  if (record.resourceType === 'Bundle') {
    (record.entry ?? []).forEach((entry) => {
      rewriteNarratives(entry.resource);
    });
    return;
  }
  if (record.resourceType === 'CarePlan') {
    (resource as fhir.CarePlan).text = { status: 'additional', div: HOSTILE_NARRATIVE };
  }
}

export function hostileSeed(): fhir.Resource[] {
  const seed = sandboxSeed(new Date(), [HOSTILE_CLIENT]);
  for (const resource of seed) {
    // Scores rarely carry notes in the seed; every one gets a hostile note here.
    if (resource.resourceType === 'Observation') (resource as fhir.Observation).note = [{ text: 'Scored in clinic' }];
  }
  poison(seed, rotating());
  seed.forEach(rewriteNarratives);
  return [
    ...seed.filter((r) => r.resourceType !== 'Bundle'),
    foreignPlan(),
    ...seed.filter((r) => r.resourceType === 'Bundle'),
  ];
}

/** Loads the hostile seed into a sandbox started with `seed: false`, through its FHIR front door. */
export async function loadHostileSeed(sandbox: RunningSandbox): Promise<void> {
  const post: BundlePoster = async (bundle) => {
    const response = await sandbox.fhir.handle(
      {
        method: 'POST',
        url: new URL(sandbox.fhirBaseUrl),
        headers: { 'content-type': 'application/fhir+json' },
        body: Buffer.from(JSON.stringify(bundle)),
      },
      undefined
    );
    const body = JSON.parse(String(response.body ?? '{}')) as fhir.Bundle | fhir.OperationOutcome;
    if (body.resourceType !== 'Bundle') throw new Error(`The hostile seed was refused: ${JSON.stringify(body)}`);
    return body;
  };
  await loadSeed(post, hostileSeed());
}
