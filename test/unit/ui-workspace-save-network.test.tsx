// @vitest-environment jsdom
/**
 * Saving from the workspace, seen at the network edge (issue 4 §7): the real fetch gateway sends the save, msw
 * answers as a FHIR server would. A save is one request; a 409, a 412 or a 500 leaves the clinician's edits in
 * the form and in the kept draft, and shows the panel that says what happened.
 */
import type * as fhir from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { readDraft } from '../../src/workspace/draft-store.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  memoryStorage,
  renderWorkspace,
  setupFor,
  typeAndLeave,
  type Rendered,
} from './ui-workspace-harness.tsx';

const BASE = 'https://ehr.example/fhir';
const DRAFT_KEY = 'draft-key';
const TARGET_VALUE = 'plan-field-goals-0-targets-0-value-value';

const server = setupServer();
/** Every request that reached the network, as `METHOD url`. */
let sent: string[] = [];
let rendered: Rendered | undefined;

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
  server.events.on('request:start', ({ request }) => {
    sent.push(`${request.method} ${request.url}`);
  });
});
beforeEach(() => {
  sent = [];
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

function outcome(code: fhir.OperationOutcomeIssue['code'], diagnostics: string): fhir.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/** A transaction-response as a server writes it: each entry created or updated, at a new version. */
function transactionResponse(request: fhir.Bundle): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: (request.entry ?? []).map((entry, index) => {
      const type = entry.resource?.resourceType ?? 'Basic';
      const id = entry.resource?.id ?? `new-${String(index)}`;
      const created = entry.request?.method === 'POST';
      return {
        response: {
          status: created ? '201 Created' : '200 OK',
          location: `${type}/${id}/_history/${created ? '1' : '2'}`,
          etag: created ? 'W/"1"' : 'W/"2"',
        },
      };
    }),
  };
}

/** Lets timers and responses run, as the browser would between events, until `done` holds (at most 5 s). */
async function settleUntil(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5000; waited += 25) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 25));
    });
  }
}

/** The first goal's first target value as the kept draft holds it. */
function draftedTargetValue(storage: ReturnType<typeof memoryStorage>): number | undefined {
  return readDraft(storage, DRAFT_KEY)?.plan.goals[0]?.targets[0]?.value.value;
}

/**
 * Opens George Smith's plan with the fetch gateway, starts a revision, changes the first target to 7, waits for
 * the draft to be kept, and saves. `later` is the record as the server holds it when the workspace looks again.
 */
async function editAndSave(later?: readonly fhir.FhirResource[]) {
  const records = exampleRecords('george-smith');
  const storage = memoryStorage();
  const gateway = createFetchGateway({ baseUrl: BASE, authorization: () => Promise.resolve('Bearer t0ken') });
  rendered = renderWorkspace(setupFor(records, { gateway, storage, draftKey: DRAFT_KEY }), records, later ?? records);
  const page = rendered.page;
  click(buttonNamed(page, 'Start a revision'));
  typeAndLeave(field(page, TARGET_VALUE), '7');
  await settleUntil(() => draftedTargetValue(storage) === 7);
  expect(draftedTargetValue(storage)).toBe(7);
  sent = [];
  const save = buttonNamed(page, 'Save plan');
  click(save);
  // Done when the answer came and the save bar is ready for another attempt.
  const saving = (): boolean => page.querySelector('.save-bar')?.textContent.includes('Saving the plan') ?? false;
  await settleUntil(() => sent.length > 0 && !save.disabled && !saving());
  return { page, storage };
}

describe('saving from the workspace, at the network edge', () => {
  test('a save is exactly one request: a transaction Bundle posted to the FHIR base; success clears the draft', async () => {
    const bodies: fhir.Bundle[] = [];
    server.use(
      http.post(BASE, async ({ request }) => {
        const bundle = (await request.json()) as fhir.Bundle;
        bodies.push(bundle);
        return HttpResponse.json(transactionResponse(bundle));
      })
    );

    const { page, storage } = await editAndSave();

    expect(sent).toEqual([`POST ${BASE}`]);
    expect(bodies.map((bundle) => bundle.type)).toEqual(['transaction']);
    expect(bodies[0]?.entry?.length).toBeGreaterThan(1);
    expect(page.querySelector('.save-bar')?.textContent).toMatch(/Saved\./);
    expect(readDraft(storage, DRAFT_KEY)).toBeUndefined();
  });

  test.each([
    { status: 409, answer: outcome('conflict', 'Version conflict on the care plan') },
    { status: 412, answer: outcome('processing', 'Precondition Failed: the version does not match') },
  ])(
    'a $status answer keeps the edit in the form and the draft, and shows the conflict view',
    async ({ status, answer }) => {
      server.use(http.post(BASE, () => HttpResponse.json(answer, { status })));
      const records = exampleRecords('george-smith');
      const current = plansOnRecord(records).currentAddress ?? '';
      const later = records.map((r) =>
        `${r.resourceType}/${r.id ?? ''}` === current ? { ...r, meta: { ...r.meta, versionId: '2' } } : r
      );

      const { page, storage } = await editAndSave(later);

      expect(sent).toEqual([`POST ${BASE}`]);
      expect(page.querySelector('.conflict-panel')?.textContent).toContain('Someone else changed this plan');
      expect(buttonNamed(page, 'Reload and re-apply my edits')).toBeDefined();
      expect(field(page, TARGET_VALUE).value).toBe('7');
      expect(draftedTargetValue(storage)).toBe(7);
    }
  );

  test('a 500 answer keeps the edit in the form and the draft, and shows the server’s message by Save', async () => {
    server.use(http.post(BASE, () => HttpResponse.json(outcome('exception', 'Database unavailable'), { status: 500 })));

    const { page, storage } = await editAndSave();

    expect(sent).toEqual([`POST ${BASE}`]);
    expect(page.querySelector('.save-bar .save-error')?.textContent).toContain('Database unavailable');
    expect(page.querySelector('.conflict-panel')).toBeNull();
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(draftedTargetValue(storage)).toBe(7);
  });
});
