/**
 * The EHR side of an EHR launch: the home page lists the clients, and POST /launch binds the chosen client's
 * context to a launch id and sends the browser to the app's launch page with `iss` and `launch`.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#launch-app-ehr-launch
 */
import type * as fhir from 'fhir/r4';
import type { LaunchContext, SandboxRequest, SandboxResponse } from '../contracts.ts';
import { jsonResponse, redirectResponse } from '../auth/responses.ts';
import { signedInUserName } from '../auth/signed-in-user.ts';
import { SIGNED_IN_USER, type EhrRecords } from '../auth/state.ts';
import { errorPage } from './error-page.ts';
import { homePage, LAUNCH_FIELDS, LAUNCH_PATH, type ActiveBehaviour } from './home-page.ts';
import { htmlResponse, STYLESHEET_PATH } from './html.ts';
import { summarizePatients } from './patient-summary.ts';
import { SMART_STYLE, SMART_STYLE_PATH } from './smart-style.ts';
import { SANDBOX_CSS } from './styles.ts';

export interface EhrChart extends EhrRecords {
  latestEncounter(patientId: string): Promise<fhir.Encounter | undefined>;
}

export interface EhrHome {
  readonly chart: EhrChart;
  /** Where the app's launch.html and index.html live, without a trailing slash. */
  readonly appUrl: string;
  readonly createLaunch: (context: LaunchContext) => string;
  readonly now: () => number;
  /** Which kind of server the sandbox behaves like, for the home page. */
  readonly behaviour: ActiveBehaviour;
}

/** GET / */
export async function handleHome(home: EhrHome, req: SandboxRequest): Promise<SandboxResponse> {
  const [patients, userName] = await Promise.all([home.chart.listPatients(), signedInUserName(home.chart)]);
  return htmlResponse(
    200,
    homePage({
      userName,
      patients: summarizePatients(patients, new Date(home.now())),
      fhirBaseUrl: `${req.url.origin}/fhir`,
      standaloneLaunchUrl: `${home.appUrl}/launch.html`,
      behaviour: home.behaviour,
    })
  );
}

/** POST /launch: patient=<id>, and the launch options as checkboxes. */
export async function handleLaunch(home: EhrHome, req: SandboxRequest): Promise<SandboxResponse> {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const patientId = form.get(LAUNCH_FIELDS.patient) ?? '';
  const patient = patientId ? await home.chart.readResource<fhir.Patient>('Patient', patientId) : undefined;
  if (!patient) {
    return htmlResponse(
      400,
      errorPage({
        title: 'Unknown client',
        problem: 'The launch asked for a client who is not in this EHR.',
        remedy: 'Go back to the home page and launch the app from a client in the list.',
        details: [['patient', patientId || '(missing)']],
      })
    );
  }
  const encounter = await home.chart.latestEncounter(patientId);
  const context: LaunchContext = {
    patient: patientId,
    ...(encounter?.id ? { encounter: encounter.id } : {}),
    fhirUser: SIGNED_IN_USER,
    needPatientBanner: form.get(LAUNCH_FIELDS.ownBanner) !== 'on',
    ...(form.get(LAUNCH_FIELDS.style) === 'on' ? { smartStyleUrl: `${req.url.origin}${SMART_STYLE_PATH}` } : {}),
  };
  const launch = home.createLaunch(context);
  const iss = encodeURIComponent(`${req.url.origin}/fhir`);
  return redirectResponse(`${home.appUrl}/launch.html?iss=${iss}&launch=${encodeURIComponent(launch)}`, 303);
}

/** The EHR's own pages and assets, or undefined when the request is for something else. */
export async function handleEhrPage(home: EhrHome, req: SandboxRequest): Promise<SandboxResponse | undefined> {
  const { pathname } = req.url;
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (pathname === '/' && get) {
    return handleHome(home, req);
  }
  if (pathname === LAUNCH_PATH && req.method === 'POST') {
    return handleLaunch(home, req);
  }
  if (pathname === STYLESHEET_PATH && get) {
    return { status: 200, headers: { 'Content-Type': 'text/css; charset=utf-8' }, body: SANDBOX_CSS };
  }
  if (pathname === SMART_STYLE_PATH && get) {
    return jsonResponse(200, SMART_STYLE);
  }
  if (pathname === '/favicon.ico') {
    return { status: 204 };
  }
  return undefined;
}
