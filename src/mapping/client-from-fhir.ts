/**
 * The client and the provider as the EHR records them (the app never writes them): the Patient's name,
 * birth date, gender and second identifiers; the Practitioner's name and credentials (qualification) and the
 * specialty of their PractitionerRole (NUCC taxonomy).
 */
import type * as fhir from 'fhir/r4';
import type { ClientIdentification, Code, Provider } from '../plan/treatment-plan.ts';
import { SYSTEM } from './codes.ts';
import { codeFromFhir, codingIn } from './concept.ts';
import { humanName, nameOf, personRefFromFhir } from './person-ref.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

function identifierLabel(identifier: fhir.Identifier): string {
  const coding = identifier.type?.coding?.[0];
  return identifier.type?.text ?? coding?.display ?? coding?.code ?? 'Identifier';
}

export function clientFromFhir(
  subject: fhir.Reference | undefined,
  ctx: ReadContext,
  from: Located
): ClientIdentification {
  const found = ctx.index.resolve(subject?.reference, from);
  const patient = found?.resource.resourceType === 'Patient' ? found.resource : undefined;
  if (found && patient) ctx.use(found);
  const identifiers = (patient?.identifier ?? []).flatMap((i) =>
    i.value === undefined
      ? []
      : [{ label: identifierLabel(i), ...(i.system !== undefined ? { system: i.system } : {}), value: i.value }]
  );
  return {
    reference: subject?.reference ?? '',
    name: humanName(patient?.name) ?? subject?.display ?? '',
    ...(patient?.birthDate !== undefined ? { birthDate: patient.birthDate } : {}),
    ...(patient?.gender !== undefined ? { gender: patient.gender } : {}),
    identifiers,
  };
}

function credentialsOf(practitioner: fhir.Practitioner | undefined): string[] {
  return (practitioner?.qualification ?? []).flatMap((q) => {
    const credential = codingIn(q.code, SYSTEM.credential)?.code ?? q.code.text ?? q.code.coding?.[0]?.code;
    return credential === undefined ? [] : [credential];
  });
}

function specialtyOf(reference: string, ctx: ReadContext): Code | undefined {
  const role = ctx.index.all.find(
    (l): l is Located<fhir.PractitionerRole> =>
      l.resource.resourceType === 'PractitionerRole' && l.resource.practitioner?.reference === reference
  );
  if (role) ctx.use(role);
  const specialty = role?.resource.specialty?.[0];
  return codeFromFhir(codingIn(specialty, SYSTEM.nucc) ?? specialty?.coding?.[0]);
}

export function providerFromFhir(reference: fhir.Reference, ctx: ReadContext, from: Located): Provider {
  const person = personRefFromFhir(reference, ctx.index, from) ?? { name: '' };
  const found = ctx.index.resolve(reference.reference, from);
  const practitioner = found?.resource.resourceType === 'Practitioner' ? found.resource : undefined;
  if (found && practitioner) ctx.use(found);
  const specialty = reference.reference === undefined ? undefined : specialtyOf(reference.reference, ctx);
  return {
    ...person,
    name: person.name || (nameOf(found) ?? ''),
    credentials: credentialsOf(practitioner),
    ...(specialty ? { specialty } : {}),
  };
}
