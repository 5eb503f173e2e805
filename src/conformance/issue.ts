/** One finding about a resource, located by a FHIRPath such as `Bundle.entry[2].resource.target[0]`. */
export interface ConformanceIssue {
  severity: 'error' | 'warning' | 'information';
  /** FHIRPath of the element the finding is about. */
  location: string;
  message: string;
  /**
   * What raised it: an invariant key (`gol-1`, `txt-1`, `dom-3` ...), `binding` (required ValueSet),
   * `choice-type`, `time-zone`, `reference`, `profile`, or `structure` (everything else
   * `@medplum/core` reports).
   */
  rule: string;
}

export const hasErrors = (issues: readonly ConformanceIssue[]): boolean => issues.some((i) => i.severity === 'error');
