// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { AppConfig } from '../../src/smart/app-config.ts';
import { renderErrorPage } from '../../src/ui/error-page.ts';
import { launchTarget, renderLaunchForm } from '../../src/ui/launch-form.ts';

const CONFIG = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/smart-config.json'), 'utf8')
) as AppConfig;
const PAGE = new URL('http://localhost:4000/launch.html');

let container: HTMLElement;

afterEach(() => {
  container.remove();
});

function mount(): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

function launchForm(): { page: HTMLElement; navigations: string[] } {
  const navigations: string[] = [];
  const page = mount();
  renderLaunchForm(page, CONFIG, PAGE, (href) => navigations.push(href));
  return { page, navigations };
}

function button(page: HTMLElement, name: string): HTMLButtonElement {
  const found = [...page.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) {
    throw new Error(`no button "${name}"`);
  }
  return found;
}

function input(page: HTMLElement, label: string): HTMLInputElement {
  const labelElement = [...page.querySelectorAll('label')].find((l) => l.textContent === label);
  const field = page.querySelector(`#${labelElement?.htmlFor ?? 'missing'}`);
  if (!(field instanceof HTMLInputElement)) {
    throw new Error(`no field labelled "${label}"`);
  }
  return field;
}

describe('the standalone launch page', () => {
  test('lists every configured server with a URL as a button, the sandbox first', () => {
    const { page } = launchForm();
    const names = [...page.querySelectorAll('.server-list button')].map((b) => b.textContent);
    expect(names).toEqual([
      'Sandbox EHR',
      'SMART App Launcher',
      'Epic on FHIR sandbox',
      'Oracle Health (Cerner) sandbox',
      'HAPI public server',
    ]);
  });

  test('choosing the sandbox goes to a standalone launch with its iss', () => {
    const { page, navigations } = launchForm();
    button(page, 'Sandbox EHR').click();
    expect(navigations).toEqual(['http://localhost:4000/launch.html?iss=http%3A%2F%2Flocalhost%3A4010%2Ffhir']);
  });

  test('choosing an open server goes to an open launch with the patient id typed in', () => {
    const { page, navigations } = launchForm();
    input(page, 'Patient id (for servers without sign-in; optional)').value = ' 592911 ';
    button(page, 'HAPI public server').click();
    expect(navigations).toEqual([
      'http://localhost:4000/launch.html?fhirServiceUrl=https%3A%2F%2Fhapi.fhir.org%2FbaseR4&patientId=592911',
    ]);
  });

  test('a typed server URL is launched with Connect, and Enter in the field never picks a listed server', () => {
    const { page, navigations } = launchForm();
    input(page, 'FHIR server URL').value = 'https://fhir.example/r4';
    page.querySelector('form')?.requestSubmit();
    expect(navigations).toEqual(['http://localhost:4000/launch.html?iss=https%3A%2F%2Ffhir.example%2Fr4']);
    expect(page.querySelectorAll('form button[type="submit"]')).toHaveLength(1);
    expect(button(page, 'Connect').type).toBe('submit');
  });

  test('an empty or non-http server URL is refused with a message instead of navigating', () => {
    const { page, navigations } = launchForm();
    input(page, 'FHIR server URL').value = 'javascript:alert(1)';
    button(page, 'Connect').click();
    expect(navigations).toEqual([]);
    expect(page.querySelector('#form-message')?.textContent).toMatch(/starting with https:\/\//);
  });

  test('a patient id is not sent to a SMART server, whose own picker chooses the patient', () => {
    expect(launchTarget({ server: CONFIG.servers[0], url: 'http://localhost:4010/fhir', patientId: 'p1' }, PAGE)).toBe(
      'http://localhost:4000/launch.html?iss=http%3A%2F%2Flocalhost%3A4010%2Ffhir'
    );
  });
});

describe('the error page', () => {
  const problem = {
    kind: 'state-lost' as const,
    sentence: 'The launch information was lost.',
    detail: 'Error: No state found!',
  };

  test('has one alert with a heading, the sentence and the relaunch hint; the detail is folded away outside it', () => {
    const page = mount();
    renderErrorPage(page, problem, { kind: 'ehr' });
    const alerts = page.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.querySelector('h1')?.textContent).toBe('The treatment plan app could not start');
    expect(alerts[0]?.textContent).toContain('The launch information was lost.');
    expect(alerts[0]?.textContent).toContain("open the client's chart in the EHR and launch the app from there");
    const details = page.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('pre')?.textContent).toBe('Error: No state found!');
    expect(alerts[0]?.contains(details ?? null)).toBe(false);
  });

  test('after a standalone launch it offers a Relaunch link to the launch page', () => {
    const page = mount();
    renderErrorPage(page, problem, { kind: 'standalone', href: 'http://localhost:4000/launch.html' });
    const link = page.querySelector('[role="alert"] a');
    expect(link?.textContent).toBe('Relaunch the app');
    expect(link?.getAttribute('href')).toBe('http://localhost:4000/launch.html');
  });

  test('when the launch mode is unknown it offers both ways back', () => {
    const page = mount();
    renderErrorPage(page, problem, { kind: 'unknown', href: './launch.html' });
    const alert = page.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('If you opened the app from your EHR, launch it again from there.');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('./launch.html');
  });

  test('server-supplied text in the detail stays text', () => {
    const page = mount();
    renderErrorPage(page, { ...problem, detail: '<img src=x onerror=alert(1)>' }, { kind: 'ehr' });
    expect(page.querySelector('img')).toBeNull();
    expect(page.querySelector('pre')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
