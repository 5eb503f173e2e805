// @vitest-environment jsdom
/**
 * The session screen with a companion store configured for an EHR that takes notes but not plans (issue 5 §2):
 * the app says it keeps the plan in the companion, and loading asks both servers. The gateways record what is
 * asked and never answer, so the screen is looked at while the plan loads.
 */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { FhirGateway, FhirRequest } from '../../src/fhir/gateway.ts';
import type { CompanionConnection } from '../../src/smart/companion-connection.ts';
import type { Session } from '../../src/smart/session.ts';
import { SessionScreen } from '../../src/ui/SessionScreen.tsx';

const GEORGE: fhir.Patient = {
  resourceType: 'Patient',
  id: 'george-smith',
  name: [{ use: 'official', family: 'Smith', given: ['George'] }],
  identifier: [{ system: 'urn:sandbox:mrn', value: 'SB-1001' }],
};

const TYPES = ['CarePlan', 'Goal', 'Condition', 'Consent', 'ServiceRequest', 'Observation', 'DocumentReference'];

function statement(readOnly: readonly string[]): fhir.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }],
        resource: [...TYPES, 'Provenance'].map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: readOnly.includes(type)
            ? [{ code: 'read' }, { code: 'search-type' }]
            : [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }],
        })),
      },
    ],
  };
}

/** A gateway that records every request and never answers. */
function silentGateway(baseUrl: string, asked: string[]): FhirGateway {
  const never = (): Promise<never> => new Promise(() => undefined);
  return {
    baseUrl,
    request: (request: FhirRequest) => {
      asked.push(`${baseUrl} ${request.method} ${request.url}`);
      return never();
    },
    read: never,
    search: never,
  };
}

let root: Root | undefined;
let container: HTMLElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

function render(companion: CompanionConnection | undefined, asked: string[]): HTMLElement {
  const session: Session = {
    gateway: silentGateway('https://ehr.example/fhir', asked),
    serverUrl: 'https://ehr.example/fhir',
    launch: 'open',
    patient: GEORGE,
    user: undefined,
    requestedScope: '',
    grantedScope: undefined,
    smartConfiguration: undefined,
    capabilityStatement: { status: 'loaded', value: statement(['CarePlan', 'Goal', 'Consent', 'ServiceRequest']) },
    context: { needPatientBanner: true },
    style: { status: 'absent' },
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => {
    root?.render(
      <SessionScreen
        session={session}
        today={new Date(2026, 10, 27)}
        {...(companion === undefined ? {} : { companion })}
      />
    );
  });
  return container;
}

const summaryOf = (page: HTMLElement): string => page.querySelector('summary .muted')?.textContent ?? '';

describe('the session screen with a companion store', () => {
  test('says plans are kept in the companion store and loads from both servers', () => {
    const asked: string[] = [];
    const page = render(
      {
        gateway: silentGateway('https://plans.example/fhir', asked),
        label: 'the practice plan store',
        capabilityStatement: { status: 'loaded', value: statement([]) },
      },
      asked
    );
    expect(summaryOf(page)).toBe('(read records; plans are kept in a companion store, and saves file a clinical note)');
    expect(page.querySelector('p[role="status"]')).toBeNull();
    expect(asked).toContain('https://plans.example/fhir GET Patient?identifier=urn%3Asandbox%3Amrn%7CSB-1001');
    expect(asked.some((request) => request.startsWith('https://ehr.example/fhir GET'))).toBe(true);
  });

  test('a companion whose CapabilityStatement could not be read is not used: the plan is saved as a note', () => {
    const asked: string[] = [];
    const page = render(
      {
        gateway: silentGateway('https://plans.example/fhir', asked),
        label: 'the practice plan store',
        capabilityStatement: { status: 'failed', problem: 'No answer.' },
      },
      asked
    );
    expect(summaryOf(page)).toBe('(read plans; saves file them as clinical notes)');
    expect(page.querySelector('p[role="status"]')?.textContent).toBe(
      'The plan store for this server (the practice plan store) could not be reached: No answer. Plans are saved as ' +
        'clinical notes in the chart until the app is launched again.'
    );
    expect(asked.filter((request) => request.startsWith('https://plans.example'))).toEqual([]);
  });
});
