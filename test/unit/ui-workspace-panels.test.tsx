// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import type { GoalInput } from '../../src/plan/index.ts';
import { OtherSystemsPanel } from '../../src/ui/OtherSystemsPanel.tsx';
import { writeDraft } from '../../src/workspace/draft-store.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  memoryStorage,
  NOW,
  renderWorkspace,
  setupFor,
  type Rendered,
} from './ui-workspace-harness.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('the panels around the plan', () => {
  test('"From other systems" lists what the reader could not place as text, so markup from a server stays text', () => {
    const page = document.createElement('div');
    const root = createRoot(page);
    act(() => {
      root.render(
        <OtherSystemsPanel
          items={[{ resource: 'Goal/1', path: 'Goal.target[0].detailRange', reason: '<script>alert(1)</script>' }]}
        />
      );
    });
    expect(page.querySelector('script')).toBeNull();
    expect(page.querySelector('ul[aria-label="From other systems"] li')?.textContent).toBe(
      'Goal/1 Goal.target[0].detailRange <script>alert(1)</script>'
    );
    act(() => {
      root.unmount();
    });
  });

  test('a record the plan does not link is listed under "From other systems"', () => {
    const stray: fhir.Goal = {
      resourceType: 'Goal',
      id: 'stray-goal',
      lifecycleStatus: 'active',
      description: { text: '<img src=x onerror=alert(1)>' },
      subject: { reference: 'Patient/nobody' },
    };
    const records = [...exampleRecords('robert-johnson'), stray];
    rendered = renderWorkspace(setupFor(records), records);
    const panel = rendered.page.querySelector('.other-systems');
    expect(panel?.querySelector('summary')?.textContent).toMatch(/^From other systems/);
    expect(panel?.textContent).toContain('Goal/stray-goal');
    expect(rendered.page.querySelector('img')).toBeNull();
  });

  test('a kept draft is restored, said so, and can be discarded', async () => {
    const records = exampleRecords('george-smith');
    const current = plansOnRecord(records).current?.plan;
    if (current === undefined) throw new Error('George Smith has a plan');
    const storage = memoryStorage();
    const edited = { ...current, signatures: [], title: 'My unsaved revision' };
    writeDraft(storage, 'draft-key', edited, NOW);
    rendered = renderWorkspace(setupFor(records, { storage }), records);
    const page = rendered.page;
    expect(page.querySelector('.draft-notice')?.textContent).toMatch(/^Restored your unsaved changes from /);
    expect(page.querySelector('.plan-title')?.textContent).toBe('My unsaved revision');
    await act(async () => {
      buttonNamed(page, 'Discard them').click();
      await Promise.resolve();
    });
    expect(page.querySelector('.draft-notice')).toBeNull();
    expect(page.querySelector('.plan-title')?.textContent).toBe(current.title);
    expect(storage.items.has('draft-key')).toBe(false);
  });

  test('a client with no plan is offered a new one, prefilled with the diagnoses on the record', () => {
    const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
    rendered = renderWorkspace(setupFor(records), records);
    const page = rendered.page;
    expect(page.querySelector('#no-plan-heading')?.textContent).toBe('No plan yet');
    click(buttonNamed(page, 'Start a plan'));
    expect(page.querySelector('.plan-title')?.textContent).toBe('Treatment plan');
    expect(page.querySelectorAll('#plan-section-diagnoses .item-card').length).toBeGreaterThan(0);
    expect(field(page, 'plan-field-session-dateOfService').value).toBe('2026-11-27');
    expect(field(page, 'plan-field-session-dateOfService').disabled).toBe(false);
  });

  test('launched from an encounter, the new plan takes that session’s date, times, place and kind', () => {
    const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
    const visit = records.find((r): r is fhir.Encounter => r.resourceType === 'Encounter');
    if (visit?.id === undefined || visit.period?.start === undefined) throw new Error('John Doe has a visit');
    rendered = renderWorkspace(setupFor(records, { encounterId: visit.id }), records);
    const page = rendered.page;
    expect(page.querySelector('.no-plan')?.textContent).toContain('the session details of the encounter you launched');
    click(buttonNamed(page, 'Start a plan'));
    expect(field(page, 'plan-field-session-dateOfService').value).toBe(visit.period.start.slice(0, 10));
    expect(field(page, 'plan-field-session-start').value).toBe(visit.period.start.slice(11, 16));
    expect(field(page, 'plan-field-session-placeOfService').value).toBe('11');
    expect(field(page, 'plan-field-session-serviceType').value).toBe(visit.type?.[0]?.coding?.[0]?.code);
  });

  test('an earlier plan opens read-only and the current plan is one click away', () => {
    const records = exampleRecords('george-smith');
    rendered = renderWorkspace(setupFor(records), records);
    const page = rendered.page;
    click(buttonNamed(page, /^Open read-only/));
    expect(page.querySelector('[aria-label="Read-only"]')?.textContent).toContain('earlier plan');
    expect([...page.querySelectorAll<HTMLInputElement>('.plan-sections input')].every((i) => i.disabled)).toBe(true);
    click(buttonNamed(page, 'Back to the current plan'));
    expect(page.querySelector('.plan-title')?.textContent).toBe('Treatment plan: George Smith (revised August 2026)');
  });

  test('a goal picked from the library hook is added to the plan with its objectives', () => {
    const records = exampleRecords('george-smith');
    const library = (onPick: (goal: GoalInput) => void, disabled: boolean): ReactNode => (
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          onPick({ description: 'Return to work full time', objectives: [{ description: 'Two full days a week' }] });
        }}
      >
        Pick from library
      </button>
    );
    rendered = renderWorkspace(setupFor(records, { renderGoalLibrary: library }), records);
    const page = rendered.page;
    expect(buttonNamed(page, 'Pick from library').disabled).toBe(true);
    click(buttonNamed(page, 'Start a revision'));
    const before = page.querySelectorAll('.goal-card').length;
    click(buttonNamed(page, 'Pick from library'));
    const cards = page.querySelectorAll('.goal-card');
    expect(cards.length).toBe(before + 1);
    expect(cards[cards.length - 1]?.querySelector('h3')?.textContent).toBe(
      `Goal ${String(before + 1)}: Return to work full time`
    );
    expect(cards[cards.length - 1]?.textContent).toContain('Two full days a week');
  });
});
