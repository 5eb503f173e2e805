/**
 * Network latency for the sandbox's FHIR service, so that a benchmark on one laptop shows what round trips cost
 * against a real EHR (issue 4 §6, `npm run bench`). Each answer waits `delayMs` after it is ready; requests in
 * flight together wait together, as they would on a network, even though the service handles them one by one.
 */
import type { FhirService } from './fhir/fhir-service.ts';

export function withResponseDelay(service: FhirService, delayMs: number): FhirService {
  if (delayMs <= 0) {
    return service;
  }
  return {
    ...service,
    async handle(req, access) {
      const response = await service.handle(req, access);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return response;
    },
  };
}
