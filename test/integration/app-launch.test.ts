/**
 * The app's own launch code (launch page → fhirclient authorize → sandbox authorization server → app page →
 * fhirclient ready → session) against the sandbox EHR in-process. Only the browser is stood in for: an adapter
 * that records fhirclient's redirect instead of navigating, and `fetch` with manual redirects as the user agent.
 */
import { readFileSync } from 'node:fs';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppConfig } from '../../src/smart/app-config.ts';
import { planCapabilities } from '../../src/smart/capabilities.ts';
import { describeError } from '../../src/smart/describe-error.ts';
import { browserLaunchApi, completeAuthorization } from '../../src/smart/fhirclient.ts';
import { readLaunchRequest, startLaunch } from '../../src/smart/launch.ts';
import type { LaunchMarker } from '../../src/smart/launch-marker.ts';
import { sessionFromClient } from '../../src/smart/open-session.ts';
import type { Session } from '../../src/smart/session.ts';
import { APP_URL, MemoryStorage } from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const SHIPPED = JSON.parse(
  readFileSync(new URL('../../public/smart-config.json', import.meta.url), 'utf8')
) as AppConfig;

/** A browser tab as fhirclient sees it: a fixed URL, a sessionStorage, and a navigation we record. */
class RecordingAdapter extends BrowserAdapter {
  readonly redirects: string[] = [];
  private readonly pageUrl: URL;
  private readonly storage: MemoryStorage;

  constructor(pageUrl: string, storage: MemoryStorage) {
    super({ fullSessionStorageSupport: false });
    this.pageUrl = new URL(pageUrl);
    this.storage = storage;
  }

  override getUrl(): URL {
    return this.pageUrl;
  }

  override getStorage(): never {
    return this.storage as never;
  }

  override redirect(to: string): void {
    this.redirects.push(to);
  }

  // BrowserAdapter reads these from `window`, which a Node test has not got.
  override atob(text: string): string {
    return globalThis.atob(text);
  }

  override btoa(text: string): string {
    return globalThis.btoa(text);
  }
}

let sandbox: TestSandbox;
let config: AppConfig;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  config = {
    servers: SHIPPED.servers.map((server) =>
      server.id === 'sandbox' ? { ...server, iss: sandbox.fhirBaseUrl } : server
    ),
  };
});

afterAll(async () => {
  await sandbox.close();
});

interface LaunchRun {
  readonly authorizeUrl: URL;
  readonly redirectBack: string;
  readonly storage: MemoryStorage;
  readonly markers: LaunchMarker[];
}

/** The launch page: runs our startLaunch with the real fhirclient, then lets the sandbox answer as a browser would. */
async function launchPage(launchUrl: string): Promise<LaunchRun> {
  const storage = new MemoryStorage();
  const adapter = new RecordingAdapter(launchUrl, storage);
  const markers: LaunchMarker[] = [];
  const request = readLaunchRequest(new URL(launchUrl));
  if (request.mode === 'choose') {
    throw new Error('not a launch URL');
  }
  await startLaunch(request, config, {
    api: browserLaunchApi(adapter),
    pageUrl: new URL(launchUrl),
    remember: (marker) => markers.push(marker),
  });
  const [authorizeUrl] = adapter.redirects;
  if (authorizeUrl === undefined) {
    throw new Error('fhirclient did not redirect');
  }
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  const redirectBack = answer.headers.get('location');
  if (redirectBack === null) {
    throw new Error(`The authorization server answered ${answer.status} without a redirect`);
  }
  return { authorizeUrl: new URL(authorizeUrl), redirectBack, storage, markers };
}

/** The app page: fhirclient ready() once, then our session builder. */
async function appPage(redirectBack: string, storage: MemoryStorage): Promise<Session> {
  const client = await completeAuthorization(new RecordingAdapter(redirectBack, storage));
  return sessionFromClient(client);
}

function ehrLaunchUrl(launchId: string): string {
  return `${APP_URL}/launch.html?iss=${encodeURIComponent(sandbox.fhirBaseUrl)}&launch=${encodeURIComponent(launchId)}`;
}

describe('launching against the sandbox EHR', () => {
  test('an EHR launch asks for v2 scopes with PKCE S256 and opens a session for the patient and practitioner', async () => {
    const launchId = sandbox.createLaunch({ ...GEORGE_LAUNCH, smartStyleUrl: `${sandbox.origin}/smart-style.json` });
    const run = await launchPage(ehrLaunchUrl(launchId));

    const params = run.authorizeUrl.searchParams;
    expect(params.get('client_id')).toBe('treatment-plan-app');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('aud')).toBe(sandbox.fhirBaseUrl);
    expect(params.get('redirect_uri')).toBe(`${APP_URL}/index.html`);
    const scope = params.get('scope')?.split(' ') ?? [];
    expect(scope).toEqual(
      expect.arrayContaining(['launch', 'openid', 'fhirUser', 'online_access', 'patient/CarePlan.crus'])
    );
    expect(scope.some((s) => s.includes('*'))).toBe(false);
    expect(run.markers).toEqual([{ mode: 'ehr', iss: sandbox.fhirBaseUrl }]);

    const session = await appPage(run.redirectBack, run.storage);
    expect(session.launch).toBe('ehr');
    expect(session.patient?.id).toBe('george-smith');
    expect(session.user?.reference).toBe('Practitioner/sandbox-practitioner');
    expect(session.user?.resource.status).toBe('loaded');
    expect(session.grantedScope).toContain('patient/CarePlan.crus');
    expect(session.capabilityStatement.status).toBe('loaded');
    expect(session.smartConfiguration?.capabilities).toContain('permission-v2');
    expect(session.context.needPatientBanner).toBe(true);
    expect(session.style.status === 'loaded' && session.style.value.properties['--color-highlight']).toBe('#0f6e6e');
    const carePlan = planCapabilities({
      smartConfiguration: session.smartConfiguration,
      capabilityStatement:
        session.capabilityStatement.status === 'loaded' ? session.capabilityStatement.value : undefined,
      grantedScope: session.grantedScope,
    }).find((row) => row.resourceType === 'CarePlan');
    expect(carePlan?.create.allowed).toBe('yes');
  });

  test('need_patient_banner=false from the EHR reaches the session', async () => {
    const run = await launchPage(ehrLaunchUrl(sandbox.createLaunch({ ...GEORGE_LAUNCH, needPatientBanner: false })));
    const session = await appPage(run.redirectBack, run.storage);
    expect(session.context.needPatientBanner).toBe(false);
  });

  test('a redirect whose state was tampered with fails with the lost-launch explanation', async () => {
    const run = await launchPage(ehrLaunchUrl(sandbox.createLaunch(GEORGE_LAUNCH)));
    const tampered = new URL(run.redirectBack);
    tampered.searchParams.set('state', 'tampered');
    const failure = await appPage(tampered.href, run.storage).then(
      () => undefined,
      (error: unknown) => error
    );
    expect(describeError(failure).kind).toBe('state-lost');
  });

  test('a token that has expired by the first calls fails the launch with the expired-session explanation', async () => {
    const run = await launchPage(ehrLaunchUrl(sandbox.createLaunch(GEORGE_LAUNCH)));
    const client = await completeAuthorization(new RecordingAdapter(run.redirectBack, run.storage));
    sandbox.advanceClock(2 * 3600);
    const failure = await sessionFromClient(client).then(
      () => undefined,
      (error: unknown) => error
    );
    expect(describeError(failure).kind).toBe('expired');
  });

  test('a standalone launch asks for launch/patient and sends no launch parameter', async () => {
    const storage = new MemoryStorage();
    const launchUrl = `${APP_URL}/launch.html?iss=${encodeURIComponent(sandbox.fhirBaseUrl)}`;
    const adapter = new RecordingAdapter(launchUrl, storage);
    await startLaunch(readLaunchRequest(new URL(launchUrl)) as { mode: 'standalone'; iss: string }, config, {
      api: browserLaunchApi(adapter),
      pageUrl: new URL(launchUrl),
      remember: () => undefined,
    });
    const authorizeUrl = new URL(adapter.redirects[0] ?? '');
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toContain('launch/patient');
    expect(authorizeUrl.searchParams.get('launch')).toBeNull();
  });
});
