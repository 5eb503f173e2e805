/** Starts the sandbox in-process on port 0 with a clock the test can move forward. */
import { SIGNED_IN_USER } from '../../../src/sandbox/auth/state.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server.ts';
import { APP_URL } from './fhirclient-launch.ts';

export interface TestSandbox extends RunningSandbox {
  /** Moves the sandbox's clock forward, to expire codes and tokens without sleeping. */
  advanceClock(seconds: number): void;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  let offsetMs = 0;
  const sandbox = await startSandbox({
    port: 0,
    appUrl: APP_URL,
    now: () => Date.now() + offsetMs,
    ...options,
  });
  return Object.assign(sandbox, {
    advanceClock(seconds: number) {
      offsetMs += seconds * 1000;
    },
  });
}

/** Launch context for an EHR launch of George Smith by the sandbox practitioner. */
export const GEORGE_LAUNCH = {
  patient: 'george-smith',
  fhirUser: SIGNED_IN_USER,
  needPatientBanner: true,
} as const;
