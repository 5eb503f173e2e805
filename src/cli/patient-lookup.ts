/**
 * Finds the patient a command is about on a server, from what an integrator has at hand: the server's id
 * (`george-smith`), an identifier with its system (`http://hospital.example/mrn|12345`), or an identifier value
 * alone (`12345`, tried when no patient has that id).
 * @see https://hl7.org/fhir/R4/search.html#token
 */
import type * as fhir from 'fhir/r4';
import { isFhirError } from '../fhir/fhir-error.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { humanName } from '../mapping/person-ref.ts';
import { CliError } from './cli-error.ts';
import { EXIT } from './exit-codes.ts';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function describe(patient: fhir.Patient): string {
  const words = humanName(patient.name)?.trim() ?? '';
  return `Patient/${patient.id ?? '?'}${words === '' ? '' : ` (${words})`}`;
}

async function byIdentifier(gateway: FhirGateway, identifier: string): Promise<fhir.Patient[]> {
  const { matches } = await gateway.search<fhir.Patient>('Patient', { identifier });
  return matches;
}

/** The patient, or a CliError (exit 2) when none or several match. */
export async function findPatient(gateway: FhirGateway, wanted: string): Promise<fhir.Patient> {
  const asReference = wanted.replace(/^Patient\//, '');
  if (!wanted.includes('|') && ID.test(asReference)) {
    try {
      return await gateway.read<fhir.Patient>(`Patient/${asReference}`);
    } catch (error) {
      if (!isFhirError(error) || (error.status !== 404 && error.status !== 410)) throw error;
    }
  }
  const matches = await byIdentifier(gateway, wanted);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  if (matches.length === 0) {
    throw new CliError(EXIT.invalidInput, `No patient on ${gateway.baseUrl} has the id or identifier "${wanted}".`);
  }
  throw new CliError(
    EXIT.invalidInput,
    `${matches.length} patients on ${gateway.baseUrl} have the identifier "${wanted}": ${matches
      .map(describe)
      .join(', ')}. Give the system too (system|value), or the patient's id.`
  );
}

export { describe as describePatient };
