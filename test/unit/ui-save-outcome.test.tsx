// @vitest-environment jsdom
/**
 * What the save bar says once a save went through: in the words of the strategy that saved (StrategyNotice
 * announces the same), never "in one step" for a save that took several requests or filed a note.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import { SaveOutcome } from '../../src/ui/SaveOutcome.tsx';
import type { StrategyKind } from '../../src/workspace/strategies/write-strategy.ts';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function savedWith(strategy: StrategyKind | undefined): string {
  unmount?.();
  const page = document.createElement('div');
  document.body.append(page);
  const root = createRoot(page);
  act(() => {
    root.render(
      <SaveOutcome
        status={{ kind: 'saved' }}
        strategy={strategy}
        onReapply={() => undefined}
        onDiscard={() => undefined}
        relaunchHref="#"
      />
    );
  });
  unmount = () => {
    act(() => {
      root.unmount();
    });
    page.remove();
  };
  return page.textContent;
}

describe('a saved plan', () => {
  test('by transaction: written in one transaction', () => {
    expect(savedWith('transaction')).toBe('Saved. The plan was written to the client’s record in one transaction.');
  });

  test('by ordered requests: written in ordered steps, not in one', () => {
    expect(savedWith('sequential')).toBe('Saved. The plan was written to the client’s record in ordered steps.');
  });

  test('in note mode: filed as a clinical note', () => {
    expect(savedWith('note')).toBe('Saved. The plan was filed in the client’s chart as a clinical note.');
  });

  test('with a companion store: the plan there, the note in the chart', () => {
    expect(savedWith('companion')).toBe(
      'Saved. The plan was written to the practice’s companion store, and the chart holds it as a clinical note.'
    );
  });

  test('with no strategy known: only that it was saved', () => {
    expect(savedWith(undefined)).toBe('Saved.');
  });
});
