/** The Sandbox EHR's home page: the signed-in practitioner, the synthetic clients, and a launch button each. */
import { html, page, type Html } from './html.ts';
import type { PatientSummary } from './patient-summary.ts';

export const LAUNCH_PATH = '/launch';

/** Form field names of the launch form, shared with the handler that reads it. */
export const LAUNCH_FIELDS = { patient: 'patient', ownBanner: 'ehr-banner', style: 'ehr-style' } as const;

export interface HomePageContent {
  readonly userName: string;
  readonly patients: readonly PatientSummary[];
  readonly fhirBaseUrl: string;
  /** `${appUrl}/launch.html`, where a standalone launch starts. */
  readonly standaloneLaunchUrl: string;
  readonly behaviour: ActiveBehaviour;
}

/** The behaviour the sandbox runs with (`--behave`), as the home page names it. */
export interface ActiveBehaviour {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
}

function patientRow(patient: PatientSummary): Html {
  return html`<tr>
    <td>${patient.name}</td>
    <td>${patient.birthDate ?? '—'}</td>
    <td>${patient.age ?? '—'}</td>
    <td>${patient.gender ?? '—'}</td>
    <td>${patient.mrn ?? '—'}</td>
    <td><button type="submit" name="${LAUNCH_FIELDS.patient}" value="${patient.id}">Launch treatment plan</button></td>
  </tr>`;
}

export function homePage({ userName, patients, fhirBaseUrl, standaloneLaunchUrl, behaviour }: HomePageContent): Html {
  return page(
    'Clients',
    html`<section class="card">
        <div class="heading">
          <h1>Sandbox EHR</h1>
          <p class="user">Signed in as <strong>${userName}</strong></p>
        </div>
        <p>
          A pretend EHR with synthetic clients only: launch the treatment-plan app for a client the way a clinician
          would.
        </p>
        <p class="behaviour" data-behaviour="${behaviour.name}">
          Behaves like: <strong>${behaviour.title}</strong> (<code>--behave ${behaviour.name}</code>).
          ${behaviour.summary}
        </p>
        <form method="post" action="${LAUNCH_PATH}">
          <table>
            <caption>
              Clients
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Birth date</th>
                <th scope="col">Age</th>
                <th scope="col">Gender</th>
                <th scope="col">MRN</th>
                <th scope="col"><span class="visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody>
              ${patients.map(patientRow)}
            </tbody>
          </table>
          <fieldset>
            <legend>Launch options</legend>
            <label
              ><input type="checkbox" name="${LAUNCH_FIELDS.ownBanner}" value="on" /> The EHR shows its own patient
              banner (need_patient_banner=false)</label
            >
            <label
              ><input type="checkbox" name="${LAUNCH_FIELDS.style}" value="on" /> Apply the EHR's style
              (smart_style_url)</label
            >
          </fieldset>
        </form>
      </section>
      <section class="card integrators">
        <h2>For integrators</h2>
        <dl>
          <dt>FHIR base URL</dt>
          <dd><code>${fhirBaseUrl}</code></dd>
          <dt>SMART configuration</dt>
          <dd>
            <a href="${fhirBaseUrl}/.well-known/smart-configuration"
              ><code>${fhirBaseUrl}/.well-known/smart-configuration</code></a
            >
          </dd>
          <dt>Standalone launch</dt>
          <dd><a href="${standaloneLaunchUrl}">Standalone launch</a> (the app asks this EHR to pick a client)</dd>
        </dl>
      </section>`
  );
}
