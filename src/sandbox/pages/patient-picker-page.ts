/**
 * The standalone-launch patient picker: the app asked for `launch/patient` without an EHR launch, so the
 * sandbox asks the (automatically signed-in) user which client the app should open.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#launchpatient
 */
import { html, page, type Html } from './html.ts';
import type { PatientSummary } from './patient-summary.ts';

export const PATIENT_CHOICE_PATH = '/auth/authorize/patient';

export interface PatientPickerContent {
  readonly appName: string;
  readonly userName: string;
  /** The server-side key of the pending authorization request. */
  readonly requestId: string;
  readonly patients: readonly PatientSummary[];
}

export function patientPickerPage({ appName, userName, requestId, patients }: PatientPickerContent): Html {
  const rows = patients.map(
    (patient) =>
      html`<tr>
        <td>${patient.name}</td>
        <td>${patient.birthDate ?? '—'}</td>
        <td>${patient.mrn ?? '—'}</td>
        <td><button type="submit" name="patient" value="${patient.id}">Open ${patient.name}</button></td>
      </tr>`
  );
  return page(
    'Choose a client',
    html`<section class="card">
      <h1>Choose a client</h1>
      <p><strong>${appName}</strong> asks to open a client's record. Signed in as ${userName}.</p>
      <form method="post" action="${PATIENT_CHOICE_PATH}">
        <input type="hidden" name="request" value="${requestId}" />
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Birth date</th>
              <th scope="col">MRN</th>
              <th scope="col"><span class="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </form>
    </section>`
  );
}
