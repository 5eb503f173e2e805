/**
 * Accessibility (issue 4 §6): axe-core finds no serious or critical violation on the launch page and on the
 * workspace (a signed plan read-only, then its revision being edited) at 1024x768, the size of an EHR frame; and a
 * clinician reaches and operates an editor field, the section navigation and the Save button with the keyboard
 * alone, always seeing where the focus is.
 */
import type * as fhir from 'fhir/r4';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/server.ts';
import { sectionAnchor } from '../../src/workspace/sections.ts';
import { seriousViolations } from './support/axe.ts';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld({ prepare: storeForeignPlan });
});

afterAll(() => world.close());

const FOREIGN_PLAN_TITLE = 'Care plan from the community clinic';

/** An earlier plan of George Smith's from another system, whose narrative (headings, a table, a link) is shown. */
async function storeForeignPlan(running: RunningSandbox): Promise<void> {
  const plan: fhir.CarePlan = {
    resourceType: 'CarePlan',
    id: 'community-clinic-plan',
    status: 'completed',
    intent: 'plan',
    subject: { reference: 'Patient/george-smith' },
    title: FOREIGN_PLAN_TITLE,
    created: '2024-03-01',
    text: {
      status: 'additional',
      div:
        '<div xmlns="http://www.w3.org/1999/xhtml"><h2>Community clinic plan</h2><p>Weekly group sessions.</p>' +
        '<table><caption>Goals</caption><thead><tr><th scope="col">Goal</th><th scope="col">Status</th></tr></thead>' +
        '<tbody><tr><td>Sleep seven hours</td><td>achieved</td></tr></tbody></table>' +
        '<p><a href="https://clinic.example/plans/1">The plan at the clinic</a></p></div>',
    },
  };
  const response = await running.fhir.handle(
    {
      method: 'PUT',
      url: new URL(`${running.fhirBaseUrl}/CarePlan/${plan.id ?? ''}`),
      headers: { 'content-type': 'application/fhir+json' },
      body: Buffer.from(JSON.stringify(plan)),
    },
    undefined
  );
  if (response.status >= 300) throw new Error(`The foreign plan was refused: ${String(response.body)}`);
}

/** A page of an EHR frame's size; `bypassCSP` only so that axe-core can be injected into the built pages. */
function newPage(): Promise<Page> {
  return world.newPage({ bypassCSP: true });
}

async function launchFor(page: Page, clientName: string): Promise<void> {
  await world.launchFromHome(page, clientName);
  await page.getByRole('button', { name: 'Save plan' }).waitFor({ timeout: 20_000 });
}

describe('accessibility', () => {
  test('the launch page has no serious or critical axe-core violation', async () => {
    const page = await newPage();
    await page.goto(`${world.app.url}/launch.html`);
    await page.getByRole('button', { name: 'Connect' }).waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('the workspace has no serious or critical axe-core violation, read-only and while editing', async () => {
    const page = await newPage();
    await launchFor(page, 'George Smith');
    expect(await page.getByRole('note', { name: 'Read-only' }).count()).toBe(1);
    await page.locator('.other-systems .narrative-body').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start a revision' }).click();
    await page.getByRole('note', { name: 'Read-only' }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('an earlier plan from another system, shown read-only with its narrative, has no serious or critical violation', async () => {
    const page = await newPage();
    await launchFor(page, 'George Smith');
    await page.locator('details.panel > summary', { hasText: 'Earlier plans' }).click();
    await page.getByRole('button', { name: `Open read-only ${FOREIGN_PLAN_TITLE}` }).click();
    await page.locator('.narrative-body table').waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('an editor field, the section navigation and Save work with the keyboard alone, with the focus always visible', async () => {
    const page = await newPage();
    await launchFor(page, 'George Smith');
    const walk = keyboardWalk(page);

    await mark(page.getByRole('button', { name: 'Start a revision' }), 'revise');
    await walk.to('revise', 'Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('note', { name: 'Read-only' }).waitFor({ state: 'detached', timeout: 10_000 });

    await mark(
      page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Goals and objectives' }),
      'nav'
    );
    await mark(
      page
        .getByRole('group', { name: /^Target 1 of/ })
        .first()
        .getByLabel('Value'),
      'value'
    );
    await mark(page.getByRole('button', { name: 'Save plan' }), 'save');

    await walk.to('nav', 'Tab');
    await page.keyboard.press('Enter');
    const landed = await focusedElement(page);
    expect(landed.id).toBe(`${sectionAnchor('goals')}-heading`);
    expect(landed.visible).toBe(true);

    await walk.to('value', 'Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await walk.to('save', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved\./).waitFor({ timeout: 20_000 });
    expect(
      await page
        .getByRole('group', { name: /^Target 1 of/ })
        .first()
        .getByLabel('Value')
        .inputValue()
    ).toBe('3');

    expect(walk.hidden()).toEqual([]);
    expect(walk.steps()).toBeGreaterThan(3);
    await page.context().close();
  });
});

interface FocusedElement {
  readonly id: string;
  readonly mark: string | undefined;
  readonly description: string;
  /** Matches :focus-visible (or :focus-within, for date fields) and draws an outline of at least 2px. */
  readonly visible: boolean;
}

/** Tags an element for the keyboard walk (a data attribute; no focus, no click). */
async function mark(locator: ReturnType<Page['locator']>, name: string): Promise<void> {
  await locator.evaluate((element, value) => {
    element.setAttribute('data-keyboard-mark', value);
  }, name);
}

function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { id: '', mark: undefined, description: 'body', visible: false };
    }
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const name = element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 60);
    return {
      id: element.id,
      mark: element.dataset['keyboardMark'],
      description: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name}"`,
      // Chromium focuses a part inside a date or time field: the field matches :focus-within, not :focus-visible.
      visible: (element.matches(':focus-visible') || element.matches(':focus-within')) && outlined,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the marked element has the focus, noting every stop without a visible focus. */
function keyboardWalk(page: Page): {
  to: (mark: string, key: 'Tab' | 'Shift+Tab') => Promise<void>;
  hidden: () => string[];
  steps: () => number;
} {
  const hidden: string[] = [];
  let steps = 0;
  return {
    async to(target, key) {
      for (let press = 0; press < 400; press += 1) {
        await page.keyboard.press(key);
        steps += 1;
        const focused = await focusedElement(page);
        if (focused.description !== 'body' && !focused.visible) hidden.push(focused.description);
        if (focused.mark === target) return;
      }
      throw new Error(`${target} was not reached with ${key} in 400 presses`);
    },
    hidden: () => hidden,
    steps: () => steps,
  };
}
