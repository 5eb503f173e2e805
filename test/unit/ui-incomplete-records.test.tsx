// @vitest-environment jsdom
/**
 * What the clinician reads when the EHR did not give the whole record: searches that failed say "could not be
 * read", records the EHR held back (mental-health data it treats as sensitive) say "may be incomplete rather
 * than empty", and the server's own words are shown as text.
 */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import type { PlanRecords } from '../../src/fhir/load-plan-records.ts';
import { LoadedWorkspace } from '../../src/ui/LoadedWorkspace.tsx';
import { exampleRecords } from './workspace-example-records.ts';
import { setupFor } from './ui-workspace-harness.tsx';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function render(resources: readonly fhir.FhirResource[], incomplete: PlanRecords['incomplete']): HTMLElement {
  const page = document.createElement('div');
  document.body.append(page);
  const root: Root = createRoot(page);
  const records: PlanRecords = { resources: [...resources], roundTrips: 1, requests: 1, incomplete };
  act(() => {
    root.render(
      <LoadedWorkspace
        setup={setupFor(resources)}
        records={records}
        refresh={() => Promise.resolve(records)}
        peek={() => Promise.resolve(records)}
      />
    );
  });
  cleanup = () => {
    act(() => {
      root.unmount();
    });
    page.remove();
  };
  return page;
}

function notice(page: HTMLElement): HTMLElement | null {
  return page.querySelector('[aria-label="The record may be incomplete"]');
}

/** John Doe has no plan yet: the workspace offers to start one from what the EHR holds. */
const noPlan = exampleRecords('john-doe').filter((r) => r.resourceType === 'Patient');

describe('a record the EHR did not give whole', () => {
  test('a whole record shows no warning', () => {
    const page = render(noPlan, []);

    expect(notice(page)).toBeNull();
  });

  test('diagnoses the EHR held back read "may be incomplete rather than empty", with the server’s words as text', () => {
    const page = render(noPlan, [
      { search: 'Condition', reason: 'The server said: <b>4101</b> results suppressed.', withheld: true },
      { search: 'Observation', reason: 'No Observation came back, but this server can hold back…', withheld: true },
    ]);

    const shown = notice(page);
    expect(shown?.getAttribute('role')).toBe('status');
    expect(shown?.querySelector('p')?.textContent).toBe(
      'The EHR may have held back records it treats as sensitive (Condition, Observation): where these show ' +
        'none, the record may be incomplete rather than empty.'
    );
    expect(shown?.textContent).not.toContain('could not be read');
    expect(shown?.querySelector('b')).toBeNull();
    expect([...(shown?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Condition: The server said: <b>4101</b> results suppressed.',
      'Observation: No Observation came back, but this server can hold back…',
    ]);
  });

  test('a search that failed and one that was held back are told apart', () => {
    const page = render(exampleRecords('george-smith'), [
      { search: 'Consent', reason: 'Needs patient/Consent.rs', status: 403 },
      { search: 'Condition', reason: 'The server masked or removed parts of what it sent.', withheld: true },
    ]);

    const paragraphs = [...(notice(page)?.querySelectorAll('p') ?? [])].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      'Some of the record could not be read (Consent), so the plan may be incomplete.',
      'The EHR may have held back records it treats as sensitive (Condition): where these show none, the record ' +
        'may be incomplete rather than empty.',
    ]);
  });
});
