/** Rendering the workspace in jsdom with react-dom and act, and driving its controls as a browser would. */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { LoadedWorkspace } from '../../src/ui/LoadedWorkspace.tsx';
import type { WorkspaceSetup } from '../../src/ui/workspace-setup.ts';
import type { DraftStorage } from '../../src/workspace/draft-store.ts';
import { transactionStrategy } from '../../src/workspace/strategies/transaction.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout, so no scrolling; the workspace scrolls a field into view before focusing it.
Element.prototype.scrollIntoView = function scrollIntoView(): void {
  // Nothing to scroll without layout.
};

export const NOW = new Date('2026-11-27T15:00:00Z');

export function memoryStorage(): DraftStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

export const idleGateway: FhirGateway = {
  baseUrl: 'http://ehr.example/fhir',
  request: () => new Promise(() => undefined),
  read: () => new Promise(() => undefined),
  search: () => new Promise(() => undefined),
};

export function setupFor(
  resources: readonly fhir.FhirResource[],
  overrides: Partial<WorkspaceSetup> = {}
): WorkspaceSetup {
  const patient = resources.find((r): r is fhir.Patient => r.resourceType === 'Patient');
  if (patient === undefined) throw new Error('the records hold a patient');
  const gateway = overrides.gateway ?? idleGateway;
  return {
    gateway,
    patient,
    practitioner: undefined,
    writing: {
      kind: 'chosen',
      strategy: transactionStrategy(gateway),
      because: ['The server takes transactions (from its CapabilityStatement).'],
    },
    storage: memoryStorage(),
    draftKey: 'draft-key',
    now: () => NOW,
    searchDiagnoses: undefined,
    renderGoalLibrary: undefined,
    relaunchHref: './launch.html',
    ...overrides,
  };
}

export interface Rendered {
  readonly page: HTMLElement;
  readonly unmount: () => void;
}

/** Renders the loaded workspace; `later` is what the server holds when the records are read again. */
export function renderWorkspace(
  setup: WorkspaceSetup,
  resources: readonly fhir.FhirResource[],
  later: readonly fhir.FhirResource[] = resources
): Rendered {
  const page = document.createElement('div');
  document.body.append(page);
  const root: Root = createRoot(page);
  const records = { resources: [...resources], roundTrips: 1, requests: 1, incomplete: [] };
  act(() => {
    const peek = () => Promise.resolve({ ...records, resources: [...later] });
    root.render(
      <LoadedWorkspace setup={setup} records={records} refresh={() => Promise.resolve(records)} peek={peek} />
    );
  });
  return {
    page,
    unmount: () => {
      act(() => {
        root.unmount();
      });
      page.remove();
    },
  };
}

export function buttonNamed(page: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = [...page.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent)
  );
  if (found === undefined) throw new Error(`no button named ${String(name)}`);
  return found;
}

export function click(element: HTMLElement): void {
  act(() => {
    element.click();
  });
}

/** Types into a text or number input and leaves it, as the clinician does. */
export function typeAndLeave(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const prototype = input instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  act(() => {
    input.focus();
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

export function field(page: HTMLElement, id: string): HTMLInputElement {
  const found = page.querySelector<HTMLInputElement>(`#${id}`);
  if (found === null) throw new Error(`no field #${id}`);
  return found;
}
