// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  idleGateway,
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

const TARGET_VALUE = 'plan-field-goals-0-targets-0-value-value';

function refusingGateway(status: number, outcome?: fhir.OperationOutcome): FhirGateway {
  return {
    ...idleGateway,
    request: () => Promise.reject(new FhirError(status, idleGateway.baseUrl, `HTTP ${String(status)}`, outcome)),
  };
}

/** Opens George Smith's plan, starts a revision, changes the first target to 7 and saves. */
async function editAndSave(gateway: FhirGateway, later?: readonly fhir.FhirResource[]): Promise<HTMLElement> {
  const records = exampleRecords('george-smith');
  rendered = renderWorkspace(setupFor(records, { gateway }), records, later ?? records);
  const page = rendered.page;
  click(buttonNamed(page, 'Start a revision'));
  typeAndLeave(field(page, TARGET_VALUE), '7');
  await act(async () => {
    buttonNamed(page, 'Save plan').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return page;
}

describe('saving the plan', () => {
  test('a conflict says which record changed, keeps the edits and offers to re-apply or discard them', async () => {
    const current = plansOnRecord(exampleRecords('george-smith')).currentAddress ?? '';
    const later = exampleRecords('george-smith').map((r) =>
      `${r.resourceType}/${r.id ?? ''}` === current ? { ...r, meta: { ...r.meta, versionId: '2' } } : r
    );
    const page = await editAndSave(refusingGateway(412), later);
    const panel = page.querySelector('.conflict-panel');
    expect(panel?.textContent).toContain('Someone else changed this plan');
    expect(panel?.textContent).toContain(
      `While you were editing, the plan itself (${current}) was changed in the client’s record`
    );
    expect(buttonNamed(page, 'Reload and re-apply my edits')).toBeDefined();
    expect(buttonNamed(page, 'Discard my edits')).toBeDefined();
    expect(panel?.querySelector('[aria-labelledby="conflict-theirs-heading"]')?.textContent).toContain(
      'Nothing in the plan’s content'
    );
    expect(field(page, TARGET_VALUE).value).toBe('7');
  });

  test('a conflict lists, per section, what changed on the server and what the clinician changed', async () => {
    const current = plansOnRecord(exampleRecords('george-smith')).currentAddress ?? '';
    const later = exampleRecords('george-smith').map((r) =>
      r.resourceType === 'CarePlan' && `CarePlan/${r.id ?? ''}` === current
        ? { ...r, title: 'Plan for George, amended by his supervisor', meta: { ...r.meta, versionId: '2' } }
        : r
    );
    const page = await editAndSave(refusingGateway(412), later);
    const theirs = page.querySelector('[aria-labelledby="conflict-theirs-heading"]');
    const mine = page.querySelector('[aria-labelledby="conflict-mine-heading"]');
    expect(theirs?.querySelector('section[aria-label="On the server: The plan"] li')?.textContent).toBe(
      'Changed: Title “Treatment plan: George Smith (revised August 2026)” → “Plan for George, amended by his supervisor”'
    );
    expect(theirs?.querySelectorAll('section')).toHaveLength(1);
    expect(
      [...(mine?.querySelectorAll('section[aria-label="Your changes: Goals and objectives"] li') ?? [])].map(
        (li) => li.textContent
      )
    ).toEqual(['Changed: Goal “Reduce depressive symptoms to the mild range”: target value 10 → 7']);
    expect(mine?.querySelectorAll('section')).toHaveLength(1);
    expect(buttonNamed(page, 'Reload and re-apply my edits')).toBeDefined();
    expect(field(page, TARGET_VALUE).value).toBe('7');
  });

  test('a rejected save shows the server issues with their FHIRPath near Save and in the section they name', async () => {
    const outcome: fhir.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: 'Target value out of range',
          expression: ['Goal.target[0].detailQuantity'],
        },
      ],
    };
    const page = await editAndSave(refusingGateway(422, outcome));
    expect(page.querySelector('.save-bar .save-error')?.textContent).toContain('Target value out of range');
    expect(page.querySelector('.save-bar .save-error')?.textContent).toContain('Goal.target[0].detailQuantity');
    expect(page.querySelector('#plan-section-goals .section-issues')?.textContent).toContain(
      'Target value out of range'
    );
    expect(page.querySelector('nav[aria-label="Plan sections"]')?.textContent).toContain(
      'Goals and objectives (needs attention)'
    );
    expect(field(page, TARGET_VALUE).value).toBe('7');
  });

  test('an expired session says so and how to launch again, with the edits kept', async () => {
    const page = await editAndSave(refusingGateway(401));
    expect(page.querySelector('.save-bar')?.textContent).toContain('Your session has expired');
    expect(page.querySelector('.save-bar a')?.getAttribute('href')).toBe('./launch.html');
    expect(field(page, TARGET_VALUE).value).toBe('7');
  });
});
