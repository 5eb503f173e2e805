/** The launched workspace in jsdom, opening its Exchange panel, and driving the panel's file and paste controls. */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { serverTraits } from '../../src/fhir/server-traits.ts';
import { PlanWorkspace } from '../../src/ui/PlanWorkspace.tsx';
import type { WorkspaceSetup } from '../../src/ui/workspace-setup.ts';
import { buttonNamed, setupFor, type Rendered } from './ui-workspace-harness.tsx';

/** Lets promises, timers and lazy chunks settle until `done` holds (or fails after `ms`). */
export async function waitUntil(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

/** Presses "Export, import, compare" and waits for the lazily loaded panel. */
export async function openExchange(page: HTMLElement): Promise<HTMLElement> {
  await act(async () => {
    buttonNamed(page, 'Export, import, compare').click();
    await Promise.resolve();
  });
  await waitUntil(() => page.querySelector('.exchange-panel') !== null, 'the exchange panel');
  const panel = page.querySelector<HTMLElement>('.exchange-panel');
  if (panel === null) throw new Error('no exchange panel');
  return panel;
}

/** The part of the panel under a heading: Export, Import or Compare. */
export function part(panel: HTMLElement, heading: 'Export' | 'Import' | 'Compare'): HTMLElement {
  const found = [...panel.querySelectorAll<HTMLElement>('.exchange-part')].find(
    (section) => section.querySelector('h3')?.textContent === heading
  );
  if (found === undefined) throw new Error(`no ${heading} part`);
  return found;
}

/** A control of the given kind by its label's text, within `root`. */
export function labelled<T extends HTMLElement>(
  root: HTMLElement,
  text: string | RegExp,
  kind: abstract new () => T
): T {
  const label = [...root.querySelectorAll('label')].find((l) =>
    typeof text === 'string' ? l.textContent.trim() === text : text.test(l.textContent.trim())
  );
  const control = label?.control ?? null;
  if (!(control instanceof kind)) throw new Error(`no ${kind.name} labelled ${String(text)}`);
  return control;
}

/** Picks a radio button or checkbox by its label, as a click would. */
export function tick(root: HTMLElement, text: string | RegExp): void {
  const input = labelled(root, text, HTMLInputElement);
  act(() => {
    input.click();
  });
}

/** Chooses an option of a select. */
export function select(control: HTMLSelectElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(control, value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Pastes text into a textarea. */
export function paste(area: HTMLTextAreaElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, text);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses a file in a file input, as the browser's file picker would. */
export async function chooseFile(input: HTMLInputElement, name: string, text: string): Promise<void> {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

export function buttonIn(root: HTMLElement, name: string | RegExp): HTMLButtonElement {
  return buttonNamed(root, name);
}

/**
 * The whole workspace as launched for `patient`, loading from and writing to `gateway` with the traits its
 * CapabilityStatement gives; resolves once the workspace shows. Unmount it after the test.
 */
export async function launchWorkspace(
  gateway: FhirGateway,
  patient: fhir.Patient,
  overrides: Partial<WorkspaceSetup> = {}
): Promise<Rendered> {
  const { body } = await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' });
  const setup = setupFor([patient], { gateway, ...overrides });
  const page = document.createElement('div');
  document.body.append(page);
  const root = createRoot(page);
  act(() => {
    root.render(<PlanWorkspace setup={setup} traits={serverTraits(body)} clientName="the client" />);
  });
  const shown = {
    page,
    unmount: () => {
      act(() => {
        root.unmount();
      });
      page.remove();
    },
  };
  await waitUntil(
    () => [...page.querySelectorAll('button')].some((b) => b.textContent === 'Export, import, compare'),
    'the workspace'
  );
  return shown;
}
