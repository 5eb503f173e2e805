/**
 * The note strategy against the sandbox behaving like Epic and like Oracle Health, over real HTTP with a real
 * SMART token: the plan is read from what the EHR holds, the clinician adds a diagnosis and a score, and Save
 * files the plan as a plan of care note. Every request the app sends is recorded at `fetch`, so the writes that
 * land are asserted from outside the code under test; the server is then read back with plain searches.
 */
import { randomUUID } from 'node:crypto';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import type { ServerTraits } from '../../src/fhir/server-traits.ts';
import { RECORD_ID_SYSTEM } from '../../src/mapping/codes.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import { currentPlanNote, planNotePdfOf, planNoteXhtmlOf } from '../../src/mapping/plan-note.ts';
import { addDiagnosis, recordMeasurement, type TreatmentPlan } from '../../src/plan/index.ts';
import type { SmartConfiguration } from '../../src/smart/smart-configuration.ts';
import { noteStrategy } from '../../src/workspace/strategies/note.ts';
import { refusalOf } from '../../src/workspace/strategies/runtime-refusal.ts';
import type { StrategyOutcome, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { appScope, smartConfigurationOf } from './support/behave-fixture.ts';
import { ehrLaunchUrl, launch } from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const GEORGE = 'george-smith';
const RECORD_ID = RECORD_ID_SYSTEM;
const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'title',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'li',
  'table',
  'tbody',
  'tr',
  'th',
  'td',
]);

/** Built by hand here, as in reading-vendor-searches.test.ts; the vendor rules fill it at launch on real servers. */
const REQUIRED: Readonly<Record<'epic' | 'oracle', ServerTraits['requiredSearchParams']>> = {
  epic: {
    CarePlan: ['38717003', '734163000', '736271009', 'assess-plan'].map((category) => ({ category })),
    Condition: ['problem-list-item', 'encounter-diagnosis', 'health-concern'].map((category) => ({ category })),
  },
  oracle: { CarePlan: [{ category: 'assess-plan' }] },
};

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly ifMatch: string | null;
}

interface Session {
  readonly sandbox: TestSandbox;
  readonly gateway: FhirGateway;
  readonly profile: ServerProfile;
  /** Every request the app sent, in order. */
  readonly sent: Sent[];
}

async function startSession(behave: 'epic' | 'oracle'): Promise<Session> {
  const sandbox = await startTestSandbox({ behave });
  const client = await launch({
    launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, sandbox.createLaunch(GEORGE_LAUNCH)),
    scope: await appScope(sandbox),
  });
  const token = client.state.tokenResponse ?? {};
  const sent: Sent[] = [];
  const gateway = createFetchGateway({
    baseUrl: sandbox.fhirBaseUrl,
    authorization: () => Promise.resolve(`Bearer ${token.access_token ?? ''}`),
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      sent.push({
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^.*\/fhir\//, '') + url.search,
        ifMatch: headers.get('if-match'),
      });
      return fetch(input, init);
    },
  });
  const capabilityStatement = await gateway.read<fhir.CapabilityStatement>('metadata');
  const smartConfiguration = (await smartConfigurationOf(sandbox)) as unknown as SmartConfiguration;
  const profile = {
    ...serverProfile({ smartConfiguration, capabilityStatement, grantedScope: token.scope }),
    requiredSearchParams: REQUIRED[behave],
  };
  sent.length = 0;
  return { sandbox, gateway, profile, sent };
}

const writesOf = (sent: readonly Sent[]): string[] =>
  sent.filter((s) => s.method !== 'GET').map((s) => `${s.method} ${s.path.split('?')[0] ?? ''}`);

async function loadGeorge(session: Session): Promise<{ plan: TreatmentPlan; loaded: fhir.FhirResource[] }> {
  const records = await loadPlanRecords(session.gateway, GEORGE, session.profile);
  expect(records.incomplete).toEqual([]);
  return { plan: planFromFhir(records.resources).plan, loaded: records.resources };
}

function insomnia(id: string): Parameters<typeof addDiagnosis>[1] {
  return {
    id,
    condition: {
      text: 'Insomnia due to a mental disorder',
      codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F51.05' }],
    },
    category: 'problem-list-item',
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    role: 'comorbidity',
  };
}

function phq9(id: string, value: number): Parameters<typeof recordMeasurement>[1] {
  return {
    id,
    measure: { text: 'PHQ-9 total score', codes: [{ system: 'http://loinc.org', code: '44261-6' }] },
    value: { value, unit: '{score}' },
    date: '2026-11-27T09:00:00+00:00',
  };
}

async function search<T extends fhir.FhirResource>(
  session: Session,
  type: T['resourceType'],
  query: string
): Promise<T[]> {
  const { matches } = await session.gateway.search<T>(type, Object.fromEntries(new URLSearchParams(query)));
  return matches;
}

async function notesOf(session: Session): Promise<fhir.DocumentReference[]> {
  return search<fhir.DocumentReference>(
    session,
    'DocumentReference',
    `patient=${GEORGE}&type=http://loinc.org|18776-5`
  );
}

function saved(outcome: StrategyOutcome): void {
  expect(outcome.kind).toBe('sent');
  if (outcome.kind === 'sent') expect(outcome.result).toMatchObject({ kind: 'saved' });
}

function tagsOf(xhtml: string): Set<string> {
  return new Set([...xhtml.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => (m[1] ?? '').toLowerCase()));
}

describe.each([
  { behave: 'epic' as const, scores: true, resave: 'supersede' as const },
  { behave: 'oracle' as const, scores: false, resave: 'update' as const },
])('the note strategy on the sandbox behaving like $behave', ({ behave, scores, resave }) => {
  let session: Session;
  let strategy: WriteStrategy;
  const diagnosisId = randomUUID();
  const scoreId = randomUUID();
  let firstNote: fhir.DocumentReference;
  let planAtFirstSave: TreatmentPlan;
  let loadedAtFirstSave: fhir.FhirResource[];

  beforeAll(async () => {
    session = await startSession(behave);
    strategy = noteStrategy(session.gateway, session.profile);
  }, 60_000);

  afterAll(async () => {
    await session.sandbox.close();
  });

  test('is a note strategy that keeps the plan read-only and says why', () => {
    expect(strategy.kind).toBe('note');
    expect(strategy.edits).toBe('note');
    expect(strategy.explanation).toMatch(/does not let this app write care plans/);
    expect(strategy.explanation).toMatch(/plan of care note/);
    expect(strategy.explanation).toContain(resave === 'update' ? 'updates the same note' : 'replaces the previous one');
  });

  test('files one note with the plan as XHTML and PDF, writes the new problem (and score where taken), nothing else', async () => {
    const { plan, loaded } = await loadGeorge(session);
    expect(plan.client.reference).toBe(`Patient/${GEORGE}`);
    const edited = recordMeasurement(addDiagnosis(plan, insomnia(diagnosisId)), phq9(scoreId, 11));
    session.sent.length = 0;

    const outcome = await strategy.save({ plan: edited, loaded, now: new Date('2026-11-27T09:30:00Z') });

    saved(outcome);
    expect(writesOf(session.sent)).toEqual([
      'POST Condition',
      ...(scores ? ['POST Observation'] : []),
      'POST DocumentReference',
    ]);
    if (outcome.kind === 'sent' && outcome.result.kind === 'saved') {
      // Oracle answers creates with an empty 201: every write still has its location.
      expect(
        outcome.result.locations.map((l) => /([A-Z][A-Za-z]+)\/[^/]+(\/_history\/[^/]+)?$/.exec(l.location ?? '')?.[1])
      ).toEqual(['Condition', ...(scores ? ['Observation'] : []), 'DocumentReference']);
      expect(outcome.requests).toBe(session.sent.length);
    }

    const problems = await search<fhir.Condition>(
      session,
      'Condition',
      `patient=${GEORGE}&category=problem-list-item&identifier=${RECORD_ID}|${diagnosisId}`
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code?.text).toBe('Insomnia due to a mental disorder');
    const observations = await search<fhir.Observation>(
      session,
      'Observation',
      `patient=${GEORGE}&identifier=${RECORD_ID}|${scoreId}`
    );
    expect(observations.map((o) => o.valueQuantity?.value)).toEqual(scores ? [11] : []);
    expect(observations.flatMap((o) => o.focus ?? []).filter((f) => f.reference?.startsWith('urn:'))).toEqual([]);

    const notes = await notesOf(session);
    expect(notes).toHaveLength(1);
    const [note] = notes;
    if (note === undefined) throw new Error('no note');
    expect(note.type?.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '18776-5' });
    expect(note.category?.[0]?.coding?.[0]?.code).toBe('clinical-note');
    expect(note.subject?.reference).toBe(`Patient/${GEORGE}`);
    expect(note.identifier?.[0]?.system).toBe(RECORD_ID);
    expect(note.author).toEqual([{ reference: 'Practitioner/sandbox-practitioner', display: plan.author?.name }]);
    expect(note.content.map((c) => c.attachment.contentType)).toEqual(['application/xhtml+xml', 'application/pdf']);
    // The EHR's plan of this visit: the note belongs to the visit and points at that plan.
    // (Oracle Health's plans name no encounter, so its note has none.)
    const visit = behave === 'epic' ? plan.session.id : undefined;
    if (behave === 'epic') expect(visit).toMatch(/^Encounter\//);
    expect(note.context?.encounter).toEqual(visit === undefined ? undefined : [{ reference: visit }]);
    // Related: the EHR's plan, and the problem this save put on the chart (the next note lists it again).
    expect(note.context?.related).toEqual([
      { reference: plan.id },
      { reference: `Condition/${problems[0]?.id ?? ''}` },
    ]);

    const xhtml = planNoteXhtmlOf(note) ?? '';
    expect(xhtml).toContain('Insomnia due to a mental disorder');
    expect(xhtml).toContain(`<h1>`);
    expect([...tagsOf(xhtml)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
    expect(xhtml).not.toMatch(/\b(style|class|on[a-z]+)=/);
    const pdf = Buffer.from(planNotePdfOf(note) ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    firstNote = note;
    planAtFirstSave = edited;
    loadedAtFirstSave = loaded;
  });

  test('a retry with the records as first loaded writes nothing twice', async () => {
    session.sent.length = 0;
    const outcome = await strategy.save({ plan: planAtFirstSave, loaded: loadedAtFirstSave, now: new Date() });
    expect(outcome.kind).toBe('nothing-to-save');
    expect(writesOf(session.sent)).toEqual([]);
    expect(
      await search(
        session,
        'Condition',
        `patient=${GEORGE}&category=problem-list-item&identifier=${RECORD_ID}|${diagnosisId}`
      )
    ).toHaveLength(1);
  });

  test(
    resave === 'update'
      ? 'saving again updates the same note with If-Match'
      : 'saving again files a new note that replaces the first',
    async () => {
      const { plan, loaded } = await loadGeorge(session);
      const secondDiagnosis = randomUUID();
      const edited = addDiagnosis(plan, {
        ...insomnia(secondDiagnosis),
        condition: { text: 'Nightmare disorder', codes: [] },
      });
      session.sent.length = 0;

      saved(await strategy.save({ plan: edited, loaded, now: new Date('2026-11-27T10:00:00Z') }));

      const noteWrite = resave === 'update' ? `PUT DocumentReference/${firstNote.id ?? ''}` : 'POST DocumentReference';
      expect(writesOf(session.sent)).toEqual(['POST Condition', noteWrite]);
      const notes = await notesOf(session);
      const current = currentPlanNote(notes, plan);
      expect(planNoteXhtmlOf(current ?? firstNote)).toContain('Nightmare disorder');
      // The EHR's plan does not list the problem the first note added, but the new note still does.
      expect(plan.diagnoses.map((d) => d.id)).not.toContain(diagnosisId);
      expect(planNoteXhtmlOf(current ?? firstNote)).toContain('Insomnia due to a mental disorder');
      if (resave === 'update') {
        expect(session.sent.find((s) => s.method === 'PUT')?.ifMatch).toBe(`W/"${firstNote.meta?.versionId ?? ''}"`);
        expect(notes).toHaveLength(1);
        expect(current?.id).toBe(firstNote.id);
        expect(current?.meta?.versionId).not.toBe(firstNote.meta?.versionId);
      } else {
        expect(notes).toHaveLength(2);
        expect(current?.id).not.toBe(firstNote.id);
        expect(current?.relatesTo).toEqual([
          { code: 'replaces', target: { reference: `DocumentReference/${firstNote.id ?? ''}` } },
        ]);
      }
    }
  );

  test('a connection lost before the note is filed keeps the new problem; the retry files the note, no second problem', async () => {
    const { plan, loaded } = await loadGeorge(session);
    const diagnosis = randomUUID();
    const edited = addDiagnosis(plan, { ...insomnia(diagnosis), condition: { text: 'Panic disorder', codes: [] } });
    const notesBefore = (await notesOf(session)).length;
    let dropped = false;
    const dropping: FhirGateway = {
      ...session.gateway,
      request: (request) => {
        if (!dropped && request.url.startsWith('DocumentReference') && request.method !== 'GET') {
          dropped = true;
          return Promise.reject(new FhirError(0, request.url, 'The connection was reset.'));
        }
        return session.gateway.request(request);
      },
    };

    const failed = await noteStrategy(dropping, session.profile).save({ plan: edited, loaded, now: new Date() });

    expect(failed.kind === 'sent' ? failed.result.kind : failed.kind).toBe('unreachable');
    const problemsOf = (): Promise<fhir.Condition[]> =>
      search<fhir.Condition>(
        session,
        'Condition',
        `patient=${GEORGE}&category=problem-list-item&identifier=${RECORD_ID}|${diagnosis}`
      );
    expect(await problemsOf()).toHaveLength(1);
    expect(await notesOf(session)).toHaveLength(notesBefore);

    session.sent.length = 0;
    saved(await strategy.save({ plan: edited, loaded, now: new Date() }));

    expect(writesOf(session.sent).filter((w) => w.startsWith('POST Condition'))).toEqual([]);
    expect(await problemsOf()).toHaveLength(1);
    const current = currentPlanNote(await notesOf(session), plan);
    expect(planNoteXhtmlOf(current ?? firstNote)).toContain('Panic disorder');
  });

  test('a 403 to a write says plainly that the EHR refused it, not the plan, and names the refused write', async () => {
    const { plan, loaded } = await loadGeorge(session);
    const edited = addDiagnosis(plan, { ...insomnia(randomUUID()), condition: { text: 'Hypersomnia', codes: [] } });
    const forbidden: fhir.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Condition create is not permitted for this app.' }],
    };
    const refusing: FhirGateway = {
      ...session.gateway,
      request: (request) =>
        request.method === 'POST' && request.url.startsWith('Condition')
          ? Promise.reject(new FhirError(403, request.url, 'Forbidden', forbidden))
          : session.gateway.request(request),
    };
    const notesBefore = (await notesOf(session)).length;

    const outcome = await noteStrategy(refusing, session.profile).save({ plan: edited, loaded, now: new Date() });

    if (outcome.kind !== 'sent') throw new Error(outcome.kind);
    expect(outcome.result).toMatchObject({ kind: 'rejected', status: 403, refusal: 'forbidden', written: 'nothing' });
    const issues = outcome.result.kind === 'rejected' ? outcome.result.issues : [];
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^The EHR does not let this app write the treatment plan\. Your edits are kept/),
      'Condition create is not permitted for this app.',
    ]);
    expect(outcome.request?.entry?.[issues[0]?.entryIndex ?? -1]?.resource?.resourceType).toBe('Condition');
    expect(refusalOf(outcome, 'note')).toEqual({ status: 403, resourceType: 'Condition', interaction: 'create' });
    expect(await notesOf(session)).toHaveLength(notesBefore);
  });

  test('after a reload, saving again with nothing new files nothing', async () => {
    const { plan, loaded } = await loadGeorge(session);
    session.sent.length = 0;
    expect((await strategy.save({ plan, loaded, now: new Date() })).kind).toBe('nothing-to-save');
    expect(writesOf(session.sent)).toEqual([]);
  });

  if (resave === 'update') {
    test('a note changed by someone else meanwhile is a conflict (409), not overwritten', async () => {
      const { plan, loaded } = await loadGeorge(session);
      const edited = addDiagnosis(plan, {
        ...insomnia(randomUUID()),
        condition: { text: 'Social anxiety', codes: [] },
      });
      const meanwhile: FhirGateway = {
        ...session.gateway,
        request: async (request) => {
          if (request.method === 'PUT' && request.url.startsWith('DocumentReference/')) {
            // Another session saves the same note first, with the same version in hand.
            await session.gateway.request(request);
          }
          return session.gateway.request(request);
        },
      };

      const outcome = await noteStrategy(meanwhile, session.profile).save({ plan: edited, loaded, now: new Date() });

      expect(outcome.kind).toBe('sent');
      if (outcome.kind !== 'sent') return;
      expect(outcome.result).toMatchObject({ kind: 'conflict', status: 409, written: 'some' });
      const index = outcome.result.kind === 'conflict' ? outcome.result.entryIndex : undefined;
      expect(outcome.request?.entry?.[index ?? -1]?.resource?.resourceType).toBe('DocumentReference');
    });
  }
});
