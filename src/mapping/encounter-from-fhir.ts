/** Session details from an Encounter, with the place of service from its Location's type. */
import type * as fhir from 'fhir/r4';
import type { Code, SessionDetails } from '../plan/treatment-plan.ts';
import { providerFromFhir } from './client-from-fhir.ts';
import { SYSTEM } from './codes.ts';
import { codeFromFhir } from './concept.ts';
import { contactModeFromClass, serviceTypeFromFhir } from './encounter-to-fhir.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

const UNDERSTOOD = ['text', 'status', 'class', 'type', 'subject', 'participant', 'period', 'location'];

function placeOfService(location: fhir.EncounterLocation | undefined, at: Located, ctx: ReadContext): Code | undefined {
  if (!location) return undefined;
  const found = ctx.index.resolve(location.location.reference, at);
  if (found?.resource.resourceType !== 'Location') {
    ctx.report(at, 'Encounter.location[0]', 'the place of service was not loaded');
    return undefined;
  }
  ctx.use(found);
  const codings = (found.resource.type ?? []).flatMap((t) => t.coding ?? []);
  return codeFromFhir(codings.find((c) => c.system === SYSTEM.placeOfService) ?? codings[0]);
}

export function sessionFromFhir(at: Located<fhir.Encounter>, ctx: ReadContext): SessionDetails {
  const encounter = at.resource;
  const report = ctx.reporter(at);
  reportUnread(report, encounter, UNDERSTOOD);
  (encounter.type ?? []).slice(1).forEach((_, i) => {
    report(`Encounter.type[${i + 1}]`, 'only the first session type is shown');
  });
  (encounter.participant ?? []).slice(1).forEach((_, i) => {
    report(`Encounter.participant[${i + 1}]`, 'only the first participant is shown, as the provider');
  });
  (encounter.location ?? []).slice(1).forEach((_, i) => {
    report(`Encounter.location[${i + 1}]`, 'only the first location is shown, as the place of service');
  });
  const start = encounter.period?.start;
  const timed = start !== undefined && start.length > 10;
  const contactMode = contactModeFromClass(encounter.class);
  const serviceType = serviceTypeFromFhir(encounter.type?.[0]);
  const place = placeOfService(encounter.location?.[0], at, ctx);
  const individual = encounter.participant?.[0]?.individual;
  return {
    id: idOf(at),
    ...(start !== undefined ? { dateOfService: start.slice(0, 10) } : {}),
    ...(timed ? { start } : {}),
    ...(encounter.period?.end !== undefined ? { end: encounter.period.end } : {}),
    ...(contactMode ? { contactMode } : {}),
    ...(place ? { placeOfService: place } : {}),
    ...(serviceType ? { serviceType } : {}),
    ...(individual ? { provider: providerFromFhir(individual, ctx, at) } : {}),
  };
}
