// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
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

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

/** George Smith's current plan is signed: content locked, record keeping open. */
function open(overrides: Parameters<typeof setupFor>[1] = {}): HTMLElement {
  const records = exampleRecords('george-smith');
  rendered = renderWorkspace(setupFor(records, overrides), records);
  return rendered.page;
}

const MOOD = 'plan-field-progress-gs-goal-mood';
const TARGET_VALUE = 'plan-field-goals-0-targets-0-value-value';

function goalCard(page: HTMLElement, idBase: string): HTMLElement {
  const card = page.querySelector<HTMLElement>(`#${idBase}-title`)?.closest<HTMLElement>('article');
  if (!card) throw new Error(`no progress card ${idBase}`);
  return card;
}

/** The chart is a lazily loaded chunk: wait until it has rendered. */
async function chartIn(card: HTMLElement): Promise<SVGSVGElement> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const chart = card.querySelector<SVGSVGElement>('svg.progress-chart');
    if (chart) return chart;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error('the chart never loaded');
}

function setInput(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = input instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function addScore(page: HTMLElement, value: string, date?: string): void {
  if (date !== undefined) setInput(field(page, `${MOOD}-target-0-score-date`), date);
  setInput(field(page, `${MOOD}-target-0-score-value`), value);
  click(buttonNamed(goalCard(page, MOOD), 'Add score'));
}

describe('the Progress section', () => {
  test('charts a goal’s scores: one point per score, the target line, the due date and a text alternative', async () => {
    const page = open();
    const card = goalCard(page, MOOD);
    expect(card.textContent).toContain('Loading the chart…');
    const chart = await chartIn(card);
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelectorAll('circle.chart-point')).toHaveLength(13);
    expect(chart.querySelectorAll('line.chart-target')).toHaveLength(1);
    expect(chart.querySelector('.chart-target-label')?.textContent).toBe('Target below 10');
    expect(chart.querySelector('.chart-due text')?.textContent).toBe('Due 21 Dec 2026');
    expect(chart.getAttribute('aria-label')).toBe(
      'PHQ-9 total score: 13 scores, from 20 on 1 Jun 2026 to 7 on 16 Nov 2026. Target: below 10 by 21 Dec 2026.'
    );
    const rows = [...card.querySelectorAll<HTMLTableRowElement>('.score-table tbody tr')].map((row) =>
      [...row.cells].map((cell) => cell.textContent)
    );
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual([
      '1 Jun 2026',
      '20',
      'No',
      'Item 9 scored 1 (passive thoughts of death several days); no plan or intent. Safety plan written.',
    ]);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['16 Nov 2026', '7', 'Yes']);
    expect(card.querySelector('.score-table caption')?.textContent).toBe('PHQ-9 total score, oldest first');
  });

  test('shows the progress on record and the suggestion from the scores with its reason', () => {
    const card = goalCard(open(), MOOD);
    expect(card.querySelector('.achievement-current')?.textContent).toMatch(/^Improving/);
    expect(card.querySelector('.achievement-suggested')?.textContent).toBe('Achieved');
    expect(card.querySelector('.achievement-suggestion')?.textContent).toContain(
      'The last 2 scores (8 and 7) meet the target (< 10).'
    );
  });

  test('on a signed plan a score is added while the plan’s content stays locked, and Save is offered', async () => {
    const page = open();
    expect(field(page, TARGET_VALUE).disabled).toBe(true);
    expect(field(page, `${MOOD}-target-0-score-date`).value).toBe('2026-11-27');
    const card = goalCard(page, MOOD);
    await chartIn(card);

    addScore(page, '15');

    const chart = await chartIn(card);
    expect(chart.querySelectorAll('circle.chart-point')).toHaveLength(14);
    expect(chart.getAttribute('aria-label')).toMatch(/14 scores, from 20 on 1 Jun 2026 to 15 on 27 Nov 2026/);
    expect(card.querySelector('.achievement-suggested')?.textContent).toBe('Improving');
    expect(field(page, `${MOOD}-target-0-score-value`).value).toBe('');
    expect(card.querySelector('.add-score-status')?.textContent).toMatch(/^Added 15 on 2026-11-27/);
    expect(field(page, TARGET_VALUE).disabled).toBe(true);
    expect(buttonNamed(page, 'Save plan').disabled).toBe(false);
    expect(page.querySelector('#save-blocked')?.textContent).toBe('You have unsaved changes.');
  });

  test('a score with problems is not recorded; each problem shows at its field and the typed value stays', async () => {
    const page = open();
    const card = goalCard(page, MOOD);
    await chartIn(card);
    addScore(page, '-3', '2026-12-01');
    const value = field(page, `${MOOD}-target-0-score-value`);
    const date = field(page, `${MOOD}-target-0-score-date`);
    expect(value.value).toBe('-3');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector(`#${value.getAttribute('aria-describedby') ?? 'none'}`)?.textContent).toBe(
      'A score cannot be negative.'
    );
    expect(page.querySelector(`#${date.getAttribute('aria-describedby') ?? 'none'}`)?.textContent).toBe(
      'A score cannot be dated after today.'
    );
    expect(card.querySelectorAll('svg.progress-chart circle.chart-point')).toHaveLength(13);
    expect(page.querySelector('#save-blocked')?.textContent).not.toBe('You have unsaved changes.');
  });

  test('an objective without scores offers no suggestion until its first score is added', async () => {
    const page = open();
    const objective = 'plan-field-progress-gs-obj-mood-log';
    const card = goalCard(page, objective);
    expect(card.querySelector('.achievement-suggestion')).toBeNull();
    expect(card.textContent).toContain('No scores recorded yet.');
    expect(card.querySelector('label[for$="-score-value"]')?.textContent).toBe(
      'Evenings per week with a mood rating (times per week)'
    );
    setInput(field(page, `${objective}-target-0-score-value`), '5');
    click(buttonNamed(card, 'Add score'));
    const chart = await chartIn(card);
    expect(chart.querySelectorAll('circle.chart-point')).toHaveLength(1);
    expect(card.querySelector('.achievement-suggested')?.textContent).toBe('In progress');
    expect(card.querySelector('.achievement-suggestion')?.textContent).toContain('Only one score so far');
  });

  test('confirming the suggestion or choosing another status records it as of today on a signed plan', () => {
    const page = open();
    const card = goalCard(page, MOOD);
    click(buttonNamed(card, /^Confirm “Achieved”/));
    expect(card.querySelector('.achievement-current')?.textContent).toBe('Achieved (since 27 Nov 2026)');
    expect(field(page, 'plan-field-goals-0-achievement').value).toBe('achieved');

    const override = page.querySelector<HTMLSelectElement>(`#${MOOD}-override`);
    if (!override) throw new Error('no override list');
    act(() => {
      override.value = 'sustaining';
      override.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(buttonNamed(card, /^Set progress/));
    expect(card.querySelector('.achievement-current')?.textContent).toBe('Sustaining (since 27 Nov 2026)');
    expect(field(page, 'plan-field-goals-0-achievement').value).toBe('sustaining');
    expect(field(page, 'plan-field-goals-0-achievement').disabled).toBe(true);
  });

  test('a progress note is added to a goal with today’s date and the plan provider as author', () => {
    const page = open();
    const card = goalCard(page, MOOD);
    const before = card.querySelectorAll('.progress-note').length;
    setInput(field(page, `${MOOD}-new-note`), 'PHQ-9 down again; keeps the mood log.');
    click(buttonNamed(card, /^Add note/));
    const notes = [...card.querySelectorAll('.progress-note')];
    expect(notes).toHaveLength(before + 1);
    expect(notes[0]?.querySelector('.note-meta')?.textContent).toBe('27 Nov 2026, Dana Rivera');
    expect(notes[0]?.querySelector('.note-text')?.textContent).toBe('PHQ-9 down again; keeps the mood log.');
    expect(field(page, `${MOOD}-new-note`).value).toBe('');
  });

  test('a note on the whole plan is written by the signed-in practitioner; an empty note is refused at its field', () => {
    const practitioner: fhir.Practitioner = {
      resourceType: 'Practitioner',
      id: 'sam-lee',
      name: [{ given: ['Sam'], family: 'Lee' }],
    };
    const page = open({ practitioner });
    const section = page.querySelector<HTMLElement>('.plan-progress');
    if (!section) throw new Error('no whole-plan progress');
    click(buttonNamed(section, /^Add note/));
    expect(page.querySelector('#progress-plan-new-note-message')?.textContent).toBe('Write the note first.');
    setInput(field(page, 'progress-plan-new-note'), 'Reviewed the plan with George.');
    click(buttonNamed(section, /^Add note/));
    expect(section.querySelector('.progress-note .note-meta')?.textContent).toBe('27 Nov 2026, Sam Lee');
    expect(section.querySelectorAll('.progress-note')[0]?.querySelector('.note-text')?.textContent).toBe(
      'Reviewed the plan with George.'
    );
  });

  test('the outcome summary is editable on a signed plan and kept in the draft', async () => {
    const storage = memoryStorage();
    const page = open({ storage });
    typeAndLeave(field(page, 'plan-field-progress-outcomeSummary'), 'Discharged: goals met.');
    expect(field(page, 'plan-field-progress-outcomeSummary').value).toBe('Discharged: goals met.');
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const kept = JSON.parse(storage.items.get('draft-key') ?? '{}') as {
      plan?: { progress?: { outcomeSummary?: string } };
    };
    expect(kept.plan?.progress?.outcomeSummary).toBe('Discharged: goals met.');
  });

  test('without write access no score, note, status or summary can be recorded', () => {
    const page = open({ writing: { kind: 'read-only', reasons: ['The server does not offer Observation'] } });
    const controls = [
      ...page.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
        '#plan-section-progress input, #plan-section-progress select, #plan-section-progress textarea, #plan-section-progress button'
      ),
    ];
    expect(controls.length).toBeGreaterThan(10);
    expect(controls.every((control) => control.disabled)).toBe(true);
  });
});
