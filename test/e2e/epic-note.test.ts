/**
 * End to end on an Epic-like server (issue 5 §5): the built app launched from the sandbox behaving like Epic, where
 * no app may write a CarePlan or Goal. The workspace says it saves a clinical note and why, the clinician adds a
 * diagnosis and saves, and the server then holds the plan of care note (XHTML and PDF) and the new problem. The
 * server is read back over plain HTTP with a token of its own, not through the app.
 */
import type * as fhir from 'fhir/r4';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

const GEORGE = 'george-smith';
const DIAGNOSIS = 'Nightmare disorder';

let world: E2eWorld;
/** What the app sent to the FHIR server, as `METHOD path`. */
const sent: string[] = [];

beforeAll(async () => {
  world = await startE2eWorld({ sandbox: { behave: 'epic' } });
});

afterAll(() => world.close());

/** An EHR launch that records every request the app sends to the FHIR server. */
async function launchFor(clientName: string): Promise<Page> {
  const { sandbox } = world;
  const page = await world.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(sandbox.fhirBaseUrl)) {
      sent.push(`${request.method()} ${request.url().slice(sandbox.fhirBaseUrl.length + 1)}`);
    }
  });
  await world.launchFromHome(page, clientName);
  await page.getByRole('button', { name: 'Save as clinical note' }).waitFor({ timeout: 30_000 });
  return page;
}

describe('saving as a note on an Epic-like server', () => {
  test('the workspace says why it files a note; the note and the new problem are on the server', async () => {
    const page = await launchFor('George Smith');

    const notice = page.getByRole('region', { name: 'How this plan is saved' });
    expect(await notice.textContent()).toMatch(/Saves as a clinical note\..*does not let this app write care plans/);
    // Required search parameters: every CarePlan search names a category, as Epic insists.
    const planSearches = sent.filter((s) => s.startsWith('GET CarePlan?'));
    expect(planSearches.length).toBeGreaterThan(0);
    expect(planSearches.filter((s) => !/[?&]category=/.test(s))).toEqual([]);

    const panel = page.getByRole('region', { name: 'Add to the chart' });
    await panel.getByLabel('Search diagnoses').fill(DIAGNOSIS);
    await panel.getByRole('button', { name: 'Add as written' }).click();
    await expect
      .poll(() => panel.getByRole('list', { name: 'Filed with the note' }).textContent())
      .toContain(DIAGNOSIS);

    sent.length = 0;
    await page.getByRole('button', { name: 'Save as clinical note' }).click();
    await page.getByText(/^Saved\./).waitFor({ timeout: 30_000 });

    const writes = sent.filter((s) => !s.startsWith('GET') && !s.startsWith('OPTIONS'));
    expect(writes).toEqual(['POST Condition', 'POST DocumentReference']);
    // After the save the workspace still says why Save files a note here.
    expect(await notice.textContent()).toMatch(/plan of care note/);

    const problems = await world.serverSearch<fhir.Condition>(`Condition?patient=${GEORGE}&category=problem-list-item`);
    expect(problems.filter((c) => c.code?.text === DIAGNOSIS)).toHaveLength(1);
    const notes = await world.serverSearch<fhir.DocumentReference>(
      `DocumentReference?patient=${GEORGE}&type=http://loinc.org|18776-5`
    );
    expect(notes).toHaveLength(1);
    const [note] = notes;
    const xhtml = Buffer.from(note?.content[0]?.attachment.data ?? '', 'base64').toString('utf8');
    expect(xhtml).toContain(DIAGNOSIS);
    const pdf = Buffer.from(note?.content[1]?.attachment.data ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.context().close();
  });
});
