/**
 * Prints "N passed, N failed" over the JSON reports Vitest wrote (its `json` reporter), for CI's last line.
 * A missing or unreadable report counts as one failed test, so a crashed suite can never look green; so does each
 * failed non-test check that CI reports in CI_FAILED_CHECKS.
 * Exits non-zero when anything failed.
 */
import { readFileSync } from 'node:fs';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

function isReport(value: unknown): value is VitestJsonReport {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.numPassedTests === 'number' && typeof record.numFailedTests === 'number';
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isReport(report)) {
      throw new Error('not a Vitest JSON report');
    }
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}; counted as one failure`);
    failed += 1;
  }
}
// Checks that are not test suites (typecheck, lint, build ...) count as one failure each when they failed.
failed += Number(process.env.CI_FAILED_CHECKS ?? 0) || 0;
console.log(
  skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`
);
process.exitCode = failed > 0 ? 1 : 0;
