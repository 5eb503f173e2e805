/**
 * The app's import validates with the definitions the browser loads (src/conformance/browser-definitions.ts); the
 * command-line tool with those Node reads from disk. Both must find the same issues, at the same FHIRPath.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { browserConformanceDefinitions } from '../../src/conformance/browser-definitions.ts';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceIssue } from '../../src/conformance/issue.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import * as example from './profiles-fixtures.ts';

/** A goal with no lifecycleStatus, which R4 requires (Goal.lifecycleStatus 1..1); no profile claimed. */
const goalBreakingR4: fhir.Goal = {
  resourceType: 'Goal',
  description: { text: 'Sleep through the night' },
  subject: { reference: 'Patient/synthetic-1' },
} as fhir.Goal;

/** Our treatment plan with intent "proposal": valid R4, but our profile fixes the intent to "plan". */
const planBreakingProfile = (): fhir.CarePlan => ({ ...example.carePlan(), intent: 'proposal' });

const errorsOf = (issues: readonly ConformanceIssue[]): ConformanceIssue[] =>
  issues.filter((issue) => issue.severity === 'error');

describe('the conformance definitions the browser loads', () => {
  it('find the same issues as the command-line tool, for a resource breaking R4 and one breaking our profile', async () => {
    // Checked with the browser's definitions before Node's are indexed: @medplum/core keeps them in module state.
    const browser = await browserConformanceDefinitions();
    expect(browser.profiles.has(example.profileUrl('treatment-plan'))).toBe(true);
    const fromBrowser = [checkConformance(goalBreakingR4, browser), checkConformance(planBreakingProfile(), browser)];

    const node = await nodeConformanceDefinitions();
    const fromNode = [checkConformance(goalBreakingR4, node), checkConformance(planBreakingProfile(), node)];

    expect(fromBrowser).toEqual(fromNode);
    const [r4Issues = [], profileIssues = []] = fromBrowser;
    expect(errorsOf(r4Issues).map((issue) => issue.location)).toContain('Goal.lifecycleStatus');
    expect(errorsOf(profileIssues).map((issue) => issue.location)).toContain('CarePlan.intent');
    expect(errorsOf(checkConformance(example.carePlan(), browser))).toEqual([]);
  }, 120_000);
});
