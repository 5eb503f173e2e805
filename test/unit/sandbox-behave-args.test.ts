/** `npm run sandbox -- --behave KIND`: the command line chooses the behaviour and refuses what it cannot do. */
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, USAGE } from '../../src/sandbox/main.ts';

describe('the --behave flag', () => {
  it('defaults to open', () => {
    expect(parseSandboxArgs([])).toMatchObject({ behave: 'open' });
  });

  it.each(['open', 'epic', 'oracle', 'medplum'])('accepts %s', (kind) => {
    expect(parseSandboxArgs(['--behave', kind])).toMatchObject({ behave: kind });
  });

  it('refuses an unknown kind with a sentence that lists the known ones', () => {
    expect(() => parseSandboxArgs(['--behave', 'cerner'])).toThrow(
      '--behave must be one of open, epic, oracle, medplum, not "cerner".'
    );
  });

  it('takes --atomic-transactions with medplum only', () => {
    expect(parseSandboxArgs(['--behave', 'medplum', '--atomic-transactions'])).toMatchObject({
      behave: 'medplum',
      atomicTransactions: true,
    });
    expect(() => parseSandboxArgs(['--behave', 'epic', '--atomic-transactions'])).toThrow(
      'only applies to --behave medplum'
    );
  });

  it('explains every behaviour in --help', () => {
    expect(parseSandboxArgs(['--help'])).toBe('help');
    for (const line of ['--behave KIND', 'open     ', 'epic     ', 'oracle   ', 'medplum  ', '--atomic-transactions']) {
      expect(USAGE).toContain(line);
    }
  });
});
