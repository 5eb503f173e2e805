/** Writes resources straight into the sandbox's FHIR service: set-up for a benchmark or a test, not measured. */
import type * as fhir from 'fhir/r4';
import type { RunningSandbox } from '../../src/sandbox/server.ts';

export async function storeInSandbox(
  sandbox: Pick<RunningSandbox, 'fhir' | 'fhirBaseUrl'>,
  bundles: readonly fhir.Bundle[]
): Promise<void> {
  for (const bundle of bundles) {
    const response = await sandbox.fhir.handle(
      {
        method: 'POST',
        url: new URL(sandbox.fhirBaseUrl),
        headers: { 'content-type': 'application/fhir+json' },
        body: Buffer.from(JSON.stringify(bundle)),
      },
      undefined
    );
    const answer = JSON.parse(String(response.body)) as fhir.Bundle;
    const refused = answer.entry?.find((entry) => !/^20[01]/.test(entry.response?.status ?? ''));
    if (response.status !== 200 || refused) {
      throw new Error(`The sandbox refused the set-up (${response.status}): ${JSON.stringify(refused ?? answer)}`);
    }
  }
}
