/**
 * Signing in a real browser against the sandbox EHR (issue 4 §4): on John Doe's new plan, which is not complete,
 * the clinician records why it is signed as it is and draws a signature with the mouse; his mother signs as
 * guardian with the keyboard only; one save writes the plan, then the signatures pinned to its saved version with
 * the signed plan as a PDF on the consent to treatment, and the plan is locked. axe-core finds no serious or
 * critical violation in the open sign form.
 */
import type * as fhir from 'fhir/r4';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld({ sandbox: { seed: 'records' } });
});

afterAll(() => world.close());

/** `bypassCSP` only to inject axe-core; the signing flow itself runs under the pages' policy. */
function launchJohnDoe(bypassCSP = false): Promise<Page> {
  return world.launchFor('John Doe', { ready: 'Start a plan', context: { bypassCSP } });
}

describe('signing a plan', () => {
  test('the open sign form has no serious or critical axe-core violation', async () => {
    const page = await launchJohnDoe(true);
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const signatures = page.getByRole('region', { name: 'Signatures' });
    await signatures.getByRole('button', { name: 'Sign the plan' }).click();
    await signatures.getByRole('img', { name: 'Drawn signature' }).waitFor();
    const serious = await seriousViolations(page, '#plan-section-signatures');
    expect(serious).toEqual([]);
    await page.context().close();
  });

  test('clinician (with a reason and a drawing) and guardian sign; one save pins both and keeps the signed PDF', async () => {
    const page = await launchJohnDoe();
    await page.getByRole('button', { name: 'Start a plan' }).click();
    const signatures = page.getByRole('region', { name: 'Signatures' });

    // The clinician: the plan is not complete, so the reason is asked for; the signature is drawn with the mouse.
    await signatures.getByRole('button', { name: 'Sign the plan' }).click();
    await expect.poll(() => signatures.locator('.sign-gate').textContent()).toMatch(/not complete/);
    await signatures.getByLabel('Typed name (the signature)').fill('Dana Rivera');
    await signatures
      .getByLabel('Why the plan is signed although it is not complete')
      .fill('Intake session: goals are set at the next visit.');
    const canvas = signatures.getByRole('img', { name: 'Drawn signature' });
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('the signature pad is not on screen');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let x = 20; x <= 200; x += 20) await page.mouse.move(box.x + x, box.y + box.height / 2 + (x % 40) - 10);
    await page.mouse.up();
    await signatures.getByLabel(/^I agree/).check();
    await signatures.getByRole('button', { name: 'Sign', exact: true }).click();
    await signatures.getByRole('img', { name: /^Drawn signature of / }).waitFor();

    // The guardian, with the keyboard only.
    await signatures.getByRole('button', { name: 'Sign the plan' }).focus();
    await page.keyboard.press('Enter');
    await signatures.getByLabel('Signing as').selectOption({ label: 'Parent or guardian' });
    await signatures.getByLabel('Who signs').fill('Jane Doe');
    await signatures.getByLabel('Typed name (the signature)').fill('Jane Doe');
    await signatures.getByLabel(/^I agree/).focus();
    await page.keyboard.press('Space');
    await signatures.getByLabel('Typed name (the signature)').press('Enter');
    await expect.poll(() => signatures.locator('.signature-card').count()).toBe(2);

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(/^Saved the plan, then its signatures\./).waitFor({ timeout: 30_000 });
    const saved = await page.getByText(/^Saved the plan, then its signatures\./).textContent();
    const version = /pinned to version (\S+) of the plan/.exec(saved ?? '')?.[1];
    expect(version).toBeDefined();
    expect(await signatures.getByText(`version ${version ?? ''} of the plan`).count()).toBe(2);
    expect(await page.getByRole('note', { name: 'Read-only' }).textContent()).toMatch(/signed/i);

    const provenances = (
      await world.serverSearch<fhir.FhirResource>('CarePlan?patient=john-doe&_revinclude=Provenance:target')
    ).filter((r): r is fhir.Provenance => r.resourceType === 'Provenance');
    const targets = provenances.map((p) => p.target[0]?.reference ?? '');
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(target).toMatch(new RegExp(`^CarePlan/[^/]+/_history/${version ?? ''}$`));
    const [consent] = await world.serverSearch<fhir.Consent>('Consent?patient=john-doe');
    expect(consent?.sourceAttachment?.contentType).toBe('application/pdf');
    expect(atob(consent?.sourceAttachment?.data ?? '').startsWith('%PDF')).toBe(true);
    await page.context().close();
  });
});
