// @vitest-environment jsdom
/**
 * Embedded EHR browsers (Oracle Health's PowerChart, Epic's Hyperspace) can share one sessionStorage between
 * app windows, each launched for its own patient. With the app's fhirclient adapter every window keeps its own
 * launch, also across a reload; fhirclient's default (`fullSessionStorageSupport`), shown for contrast, lets a
 * second launch wipe the first and a reload pick up another window's patient.
 */
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import type { fhirclient } from 'fhirclient/lib/types';
import { afterEach, describe, expect, test } from 'vitest';
import { browserLaunchApi, completeAuthorization, createBrowserAdapter } from '../../src/smart/fhirclient.ts';

const SERVER = 'https://ehr.example/fhir';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState({}, '', '/');
});

/** The launch page of one window, against an open server: returns the app page URL it would go to. */
async function launchWindow(patientId: string, adapter: fhirclient.Adapter): Promise<string> {
  window.history.replaceState({}, '', '/launch.html');
  const to = await browserLaunchApi(adapter).authorize({
    fhirServiceUrl: SERVER,
    patientId,
    redirectUri: '/index.html',
    noRedirect: true,
  });
  return String(to);
}

/** The app page of a window at `url` (a first load or a reload): the patient its launch state names. */
async function patientOnAppPage(url: string, adapter: fhirclient.Adapter): Promise<string | null> {
  window.history.replaceState({}, '', url);
  const client = await completeAuthorization(adapter);
  return client.getPatientId();
}

describe('two app windows sharing one sessionStorage', () => {
  test('each keeps its own patient, on first load and after a reload', async () => {
    const first = await launchWindow('alice', createBrowserAdapter());
    const second = await launchWindow('bob', createBrowserAdapter());

    expect(await patientOnAppPage(first, createBrowserAdapter())).toBe('alice');
    expect(await patientOnAppPage(second, createBrowserAdapter())).toBe('bob');
    // A reload keeps the URL the app page left, which still names this window's launch.
    const afterFirst = await patientOnAppPage(first, createBrowserAdapter());
    const reloadFirst = window.location.href;
    expect(afterFirst).toBe('alice');
    expect(await patientOnAppPage(reloadFirst, createBrowserAdapter())).toBe('alice');
  });

  test('with fhirclient’s default, a second window’s launch takes over the first window on reload', async () => {
    const fullSupport = (): fhirclient.Adapter => new BrowserAdapter({ fullSessionStorageSupport: true });
    const first = await launchWindow('alice', fullSupport());
    expect(await patientOnAppPage(first, fullSupport())).toBe('alice');
    const reloadFirst = window.location.href;
    const second = await launchWindow('bob', fullSupport());
    expect(await patientOnAppPage(second, fullSupport())).toBe('bob');

    // The first window reloads: its URL no longer names its launch, so it gets whatever was launched last.
    expect(await patientOnAppPage(reloadFirst, fullSupport())).toBe('bob');
  });
});
