// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import type { Session } from '../../src/smart/session.ts';
import { SessionScreen } from '../../src/ui/SessionScreen.tsx';

// A Session as openSession() builds it after an EHR launch on a v2 server.
const GEORGE: fhir.Patient = {
  resourceType: 'Patient',
  id: 'george-smith',
  name: [
    { use: 'old', family: 'Smyth', given: ['George'] },
    { use: 'official', family: 'Smith', given: ['George', 'A.'] },
  ],
  birthDate: '1980-06-15',
  gender: 'male',
  identifier: [
    {
      system: 'urn:example:ssn',
      value: '999-00-1234',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] },
    },
    {
      system: 'urn:sandbox:mrn',
      value: 'SB-1001',
      type: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' },
        ],
      },
    },
  ],
};

const DANA: fhir.Practitioner = {
  resourceType: 'Practitioner',
  id: 'sandbox-practitioner',
  name: [{ family: 'Rivera', given: ['Dana'], suffix: ['LCSW'] }],
  qualification: [
    {
      code: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: 'MSW' }],
        text: 'Master of Social Work',
      },
    },
    {
      code: {
        coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '1041C0700X' }],
        text: 'Clinical Social Worker',
      },
    },
  ],
};

const PLAN_TYPES = [
  'CarePlan',
  'Goal',
  'Condition',
  'Consent',
  'ServiceRequest',
  'Observation',
  'DocumentReference',
  'Provenance',
];

const CAPABILITY_STATEMENT: fhir.CapabilityStatement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [
    {
      mode: 'server',
      resource: PLAN_TYPES.map((type) => ({
        type: type as fhir.CapabilityStatementRestResource['type'],
        interaction:
          type === 'Consent'
            ? [{ code: 'read' }, { code: 'search-type' }]
            : [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }],
      })),
    },
  ],
};

const unusedGateway: FhirGateway = {
  baseUrl: 'http://localhost:4010/fhir',
  // Never answers: these tests look at the screen while the plan is still loading.
  request: () => new Promise(() => undefined),
  read: () => Promise.reject(new Error('not used in rendering tests')),
  search: () => Promise.reject(new Error('not used in rendering tests')),
};

function sessionFixture(overrides: Partial<Session> = {}): Session {
  return {
    gateway: unusedGateway,
    serverUrl: 'http://localhost:4010/fhir',
    launch: 'ehr',
    patient: GEORGE,
    user: { reference: 'Practitioner/sandbox-practitioner', resource: { status: 'loaded', value: DANA } },
    requestedScope: 'launch openid fhirUser patient/CarePlan.crus',
    grantedScope:
      'launch openid fhirUser patient/CarePlan.crus patient/Goal.rs patient/Consent.crus patient/Observation.rs patient/Observation.cu?category=survey',
    smartConfiguration: {
      authorization_endpoint: 'http://localhost:4010/auth/authorize',
      token_endpoint: 'http://localhost:4010/auth/token',
      capabilities: ['launch-ehr', 'permission-v2'],
      code_challenge_methods_supported: ['S256'],
    },
    capabilityStatement: { status: 'loaded', value: CAPABILITY_STATEMENT },
    context: { needPatientBanner: true },
    style: { status: 'absent' },
    ...overrides,
  };
}

const TODAY = new Date(2026, 10, 27);
let root: Root | undefined;
let container: HTMLElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

function render(session: Session): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => {
    root?.render(<SessionScreen session={session} today={TODAY} />);
  });
  return container;
}

function patientBanner(page: HTMLElement): HTMLElement | null {
  return page.querySelector('section[aria-label="Patient"]');
}

/** The table's cells as text, keyed by row header then column header. */
function tableCells(page: HTMLElement): Record<string, Record<string, string>> {
  const table = page.querySelector('table');
  const columns = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
  const out: Record<string, Record<string, string>> = {};
  for (const row of table?.querySelectorAll('tbody tr') ?? []) {
    const type = row.querySelector('th .resource-type')?.textContent ?? '';
    out[type] = {};
    [...row.querySelectorAll('td')].forEach((td, index) => {
      const column = columns[index + 1] ?? '';
      (out[type] ?? {})[column] = td.textContent;
    });
  }
  return out;
}

describe('the session screen', () => {
  test('the patient banner shows the official name, date of birth with age, gender and the MRN with its label', () => {
    const banner = patientBanner(render(sessionFixture()));
    expect(banner).not.toBeNull();
    expect(banner?.querySelector('h2')?.textContent).toBe('George A. Smith');
    const facts: Record<string, string> = {};
    for (const fact of banner?.querySelectorAll('dl > div') ?? []) {
      facts[fact.querySelector('dt')?.textContent ?? ''] = fact.querySelector('dd')?.textContent ?? '';
    }
    expect(facts).toEqual({
      'Date of birth': '1980-06-15 (46 years)',
      Gender: 'Male',
      MRN: 'SB-1001',
      SSN: '999-00-1234',
    });
  });

  test('need_patient_banner=false hides the banner, because the EHR already shows one', () => {
    const page = render(sessionFixture({ context: { needPatientBanner: false } }));
    expect(patientBanner(page)).toBeNull();
    expect(page.querySelector('table')).not.toBeNull();
  });

  test('the signed-in user shows the practitioner with credentials from the name suffix and qualifications', () => {
    const user = render(sessionFixture()).querySelector('[aria-label="Signed-in user"]');
    expect(user?.textContent).toBe('Signed in as Dana Rivera, LCSW, MSW, Clinical Social Worker');
  });

  test('a user whose record could not be loaded is still shown by reference, not hidden', () => {
    const user = render(
      sessionFixture({
        user: { reference: 'Practitioner/p1', resource: { status: 'failed', problem: '403 Forbidden' } },
      })
    ).querySelector('[aria-label="Signed-in user"]');
    expect(user?.textContent).toContain('Practitioner/p1 (details could not be loaded)');
  });

  test('the capability table has a caption and says yes, no or partly for each plan resource, with the reason', () => {
    const page = render(sessionFixture());
    expect(page.querySelector('table caption')?.textContent).toBe(
      'What this app may do with treatment-plan records on http://localhost:4010/fhir'
    );
    const cells = tableCells(page);
    expect(Object.keys(cells)).toEqual([
      'CarePlan',
      'Goal',
      'Condition',
      'Consent',
      'ServiceRequest',
      'Observation',
      'DocumentReference',
      'Provenance',
    ]);
    expect(cells['CarePlan']).toEqual({ Read: 'Yes', Create: 'Yes', Update: 'Yes' });
    expect(cells['Goal']?.['Create']).toBe('No, the create permission was not granted (needs patient/Goal.c)');
    expect(cells['Consent']?.['Update']).toBe('No, the server does not support update for Consent');
    expect(cells['Observation']?.['Create']).toBe('Partly, only for records matching ?category=survey');
    expect(cells['Condition']?.['Read']).toBe('No, the read permission was not granted (needs patient/Condition.rs)');
  });

  test('an open server says no permissions apply and every supported interaction is allowed', () => {
    const page = render(
      sessionFixture({ launch: 'open', smartConfiguration: undefined, grantedScope: undefined, user: undefined })
    );
    expect(page.textContent).toContain('This server is open');
    expect(tableCells(page)['Goal']).toEqual({
      Read: 'Yes, open server, no scopes needed',
      Create: 'Yes, open server, no scopes needed',
      Update: 'Yes, open server, no scopes needed',
    });
  });

  test('without a patient the screen says so and offers the launch page instead of a banner', () => {
    const page = render(sessionFixture({ launch: 'open', patient: undefined, smartConfiguration: undefined }));
    expect(patientBanner(page)).toBeNull();
    expect(page.querySelector('a[href="./launch.html"]')?.textContent).toBe('launch the app again');
  });

  test('a CapabilityStatement that failed to load is explained above the table', () => {
    const page = render(sessionFixture({ capabilityStatement: { status: 'failed', problem: '404' } }));
    expect(page.textContent).toContain('The server did not publish what it supports');
    expect(tableCells(page)['Consent']?.['Update']).toBe('Yes, assumed, the server did not publish what it supports');
  });

  test('text from the server is rendered as text, never as markup', () => {
    const page = render(sessionFixture({ patient: { ...GEORGE, name: [{ text: '<img src=x onerror=alert(1)>' }] } }));
    expect(page.querySelector('img')).toBeNull();
    expect(patientBanner(page)?.querySelector('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  test('"What this app may do here" says the plan is read-only, and why, when goals may not be created', () => {
    const panel = render(sessionFixture()).querySelector('details.capability-panel');
    expect(panel?.querySelector('summary')?.textContent).toBe(
      'What this app may do here (read-only: plans cannot be saved here)'
    );
    expect(panel?.querySelector('.access-reasons')?.textContent).toContain(
      'Goal create: no, the create permission was not granted (needs patient/Goal.c) (from the permissions granted at sign-in)'
    );
  });

  test('while the plan loads, the workspace says what it is loading', () => {
    const status = render(sessionFixture()).querySelector('.loading[role="status"]');
    expect(status?.textContent).toBe(
      'Loading George A. Smith’s treatment plan, goals, diagnoses and scores from the record…'
    );
  });

  test('there is exactly one table, so the capability table can be found by its role', () => {
    expect(render(sessionFixture()).querySelectorAll('table')).toHaveLength(1);
  });
});
