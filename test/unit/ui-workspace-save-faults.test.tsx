// @vitest-environment jsdom
/**
 * Saving from the workspace when the server misbehaves in ways the sandbox cannot (issue 5 §5), through the real
 * fetch gateway with msw answering: scopes trimmed after the grant (403 insufficient_scope), an answer that is
 * not JSON, and a connection that drops mid-save. Each keeps the clinician's edits in the form and in the kept
 * draft, and says in plain words what happened and what to do.
 */
import type * as fhir from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { readDraft } from '../../src/workspace/draft-store.ts';
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
/** The bodies of the saves that reached the network. */
let saves: fhir.Bundle[] = [];
let rendered: Rendered | undefined;

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
beforeEach(() => {
  saves = [];
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

/** Answers every save with `answer`, keeping what was sent. */
function answerSaves(answer: () => Response): void {
  server.use(
    http.post(BASE, async ({ request }) => {
      saves.push((await request.clone().json()) as fhir.Bundle);
      return answer();
    })
  );
}

async function settleUntil(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5000; waited += 25) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 25));
    });
  }
}

function draftedTargetValue(storage: ReturnType<typeof memoryStorage>): number | undefined {
  return readDraft(storage, DRAFT_KEY)?.plan.goals[0]?.targets[0]?.value.value;
}

/** Opens George Smith's plan, starts a revision, sets the first target to 7, and saves once. */
async function editAndSave() {
  const records = exampleRecords('george-smith');
  const storage = memoryStorage();
  const gateway = createFetchGateway({ baseUrl: BASE, authorization: () => Promise.resolve('Bearer opaque-token') });
  rendered = renderWorkspace(setupFor(records, { gateway, storage, draftKey: DRAFT_KEY }), records);
  const page = rendered.page;
  click(buttonNamed(page, 'Start a revision'));
  typeAndLeave(field(page, TARGET_VALUE), '7');
  await settleUntil(() => draftedTargetValue(storage) === 7);
  expect(draftedTargetValue(storage)).toBe(7);
  await save(page);
  return { page, storage };
}

async function save(page: HTMLElement): Promise<void> {
  const before = saves.length;
  const button = buttonNamed(page, 'Save plan');
  click(button);
  const saving = (): boolean => page.querySelector('.save-bar')?.textContent.includes('Saving the plan') ?? false;
  await settleUntil(() => saves.length > before && !button.disabled && !saving());
}

function saveError(page: HTMLElement): string {
  return page.querySelector('.save-bar .save-error')?.textContent ?? '';
}

describe('saving from the workspace when the server misbehaves', () => {
  test('a write refused for a scope trimmed after the grant says so plainly and keeps the edits', async () => {
    answerSaves(() =>
      HttpResponse.json(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'insufficient_scope: CarePlan.c not granted' }],
        },
        {
          status: 403,
          headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="patient/CarePlan.c"' },
        }
      )
    );

    const { page, storage } = await editAndSave();

    expect(saves).toHaveLength(1);
    expect(saveError(page)).toContain(
      'The EHR no longer lets this app write the treatment plan: the permission granted at sign-in was narrowed.'
    );
    expect(saveError(page)).toContain('insufficient_scope: CarePlan.c not granted');
    expect(saveError(page)).toContain('Nothing was written. Your edits are kept.');
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(draftedTargetValue(storage)).toBe(7);
  });

  test('an answer that is not JSON leaves the outcome unknown, keeps the edits, and offers to reload', async () => {
    answerSaves(
      () =>
        new HttpResponse('{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":', {
          status: 200,
          headers: { 'Content-Type': 'application/fhir+json' },
        })
    );

    const { page, storage } = await editAndSave();

    expect(saveError(page)).toContain('The server did not answer the save');
    expect(saveError(page)).toContain('is not valid JSON');
    expect(buttonNamed(page, 'Reload and keep my edits')).toBeDefined();
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(draftedTargetValue(storage)).toBe(7);
  });

  test('a connection dropped mid-save keeps the edits; saving again sends the same conditional writes', async () => {
    answerSaves(() => HttpResponse.error());

    const { page, storage } = await editAndSave();

    expect(saveError(page)).toContain('The server did not answer the save');
    expect(saveError(page)).toContain('It is not known whether the plan was written');
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(draftedTargetValue(storage)).toBe(7);

    await save(page);

    expect(saves).toHaveLength(2);
    const guards = (bundle: fhir.Bundle | undefined): (string | undefined)[] =>
      (bundle?.entry ?? []).map((entry) =>
        entry.request?.method === 'POST' ? entry.request.ifNoneExist : entry.request?.ifMatch
      );
    // Every create is conditional and every update names the version it was based on, the same both times: a
    // server that did write the first attempt finds the creates already there and refuses the stale updates.
    expect(guards(saves[0])).not.toContain(undefined);
    expect(guards(saves[1])).toEqual(guards(saves[0]));
    expect(draftedTargetValue(storage)).toBe(7);
  });
});
