// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { PrintView } from '../../src/ui/PrintView.tsx';
import { fullPlan } from '../support/full-plan.ts';
import { signaturePng } from '../support/signature-png.ts';
import { exampleRecords } from './workspace-example-records.ts';
import { buttonNamed, click, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';

let rendered: Rendered | undefined;
let print: MockInstance<() => void>;

beforeEach(() => {
  // jsdom has no print dialog; the browser's is outside what these tests check, only that it is asked for.
  print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.restoreAllMocks();
});

function open(): HTMLElement {
  const records = exampleRecords('george-smith');
  rendered = renderWorkspace(setupFor(records), records);
  return rendered.page;
}

/** Clicks Print and waits for the printable view (a chunk of its own) to load and ask for the print dialog. */
async function openPrintView(page: HTMLElement): Promise<HTMLElement> {
  await act(async () => {
    buttonNamed(page, 'Print').click();
    // The same module the button loads: once it is here, the view renders.
    await import('../../src/ui/PrintView.tsx');
  });
  await act(async () => {
    await vi.waitFor(() => {
      expect(print).toHaveBeenCalledTimes(1);
    });
  });
  const view = document.querySelector<HTMLElement>('.print-view');
  if (view === null) throw new Error('the printable view is not shown');
  return view;
}

function texts(root: HTMLElement, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((element) => element.textContent);
}

describe('printing the plan', () => {
  test('Print opens a printable view with both identifiers, credentials, every section and the signatures', async () => {
    const page = open();
    const view = await openPrintView(page);

    expect(view.getAttribute('role')).toBe('dialog');
    expect(document.activeElement?.textContent).toBe('Treatment plan: George Smith (revised August 2026)');
    expect(view.querySelector('.print-running-head')?.textContent).toBe(
      'George Smith, Medical record number SB-100001'
    );
    const rows: Record<string, string> = Object.fromEntries(
      [...view.querySelectorAll('.print-section .print-rows > div')].map((row): [string, string] => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ])
    );
    expect(rows).toMatchObject({
      Name: 'George Smith',
      'Medical record number': 'SB-100001',
      'Date of service': '24 Aug 2026',
      'Place of service': 'Office (11)',
      Provider: 'Dana Rivera, LCSW',
    });
    expect(texts(view, '.print-section > h2')).toEqual(
      expect.arrayContaining(['Client', 'Session details', 'Goals and objectives', 'Review', 'Signatures'])
    );
    const signatures = [...view.querySelectorAll<HTMLElement>('.print-signature')];
    expect(signatures.map((s) => s.querySelector('h3')?.textContent)).toEqual(['Client', 'Clinician']);
    expect(texts(signatures[1] ?? view, 'dd')).toEqual([
      'Dana Rivera',
      'Dana Rivera, LCSW',
      '24 Aug 2026, 11:05',
      'Not recorded',
    ]);
    // The workspace is hidden, not gone: the view is on its own under <body>.
    expect(document.body.classList.contains('print-view-open')).toBe(true);
    expect(page.contains(view)).toBe(false);
    expect(page.querySelector('.plan-title')).not.toBeNull();
  });

  test('an unsigned plan prints empty signature lines for the clinician and the client', async () => {
    const page = open();
    click(buttonNamed(page, 'Start a revision'));
    const view = await openPrintView(page);
    const signatures = [...view.querySelectorAll<HTMLElement>('.print-signature')];
    expect(signatures.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'Clinician',
      'Client (or parent or guardian)',
    ]);
    for (const signature of signatures) {
      expect(texts(signature, '.print-sign-line')).toEqual(['Signature', 'Name', 'Date and time']);
    }
  });

  test('"Back to the plan" closes the view and returns focus to Print; Escape does the same', async () => {
    const page = open();
    let view = await openPrintView(page);
    click(buttonNamed(view, 'Back to the plan'));
    expect(document.querySelector('.print-view')).toBeNull();
    expect(document.body.classList.contains('print-view-open')).toBe(false);
    expect(document.activeElement).toBe(buttonNamed(page, 'Print'));

    print.mockClear();
    view = await openPrintView(page);
    act(() => {
      view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(document.querySelector('.print-view')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed(page, 'Print'));
  });

  test('Print in the view asks for the print dialog again', async () => {
    const view = await openPrintView(open());
    click(buttonNamed(view, 'Print'));
    expect(print).toHaveBeenCalledTimes(2);
  });
});

describe('the printable view on its own', () => {
  function renderView(plan: TreatmentPlan): { readonly view: HTMLElement; readonly close: () => void } {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => {
      root.render(<PrintView plan={plan} printedAt="2026-03-02T11:00:00-05:00" onClose={() => undefined} />);
    });
    const view = document.querySelector<HTMLElement>('.print-view');
    if (view === null) throw new Error('the printable view is not shown');
    return {
      view,
      close: () => {
        act(() => {
          root.unmount();
        });
        host.remove();
      },
    };
  }

  test('prints why the clinician signed the plan although it was incomplete', () => {
    const plan = fullPlan();
    const reason = 'Client in crisis; safety plan needed today, goals to follow next session.';
    const { view, close } = renderView({
      ...plan,
      signatures: plan.signatures.map((s) => (s.role === 'clinician' ? { ...s, incompleteReason: reason } : s)),
    });
    try {
      const signatures = [...view.querySelectorAll<HTMLElement>('.print-signature')];
      const rows = (signature: HTMLElement | undefined): string[][] =>
        [...(signature?.querySelectorAll('.print-rows > div') ?? [])].map((row) => [
          row.querySelector('dt')?.textContent ?? '',
          row.querySelector('dd')?.textContent ?? '',
        ]);
      expect(signatures.map((s) => s.querySelector('h3')?.textContent)).toEqual(['Clinician', 'Client']);
      expect(rows(signatures[0])).toContainEqual(['Signed although incomplete, because', reason]);
      expect(rows(signatures[1]).map(([label]) => label)).not.toContain('Signed although incomplete, because');
    } finally {
      close();
    }
  });

  test('shows drawn signatures as images and every hostile string as plain text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const plan = fullPlan();
    const hostile: TreatmentPlan = {
      ...plan,
      title: payload,
      client: { ...plan.client, name: payload },
      strengths: [{ id: 's-x', description: payload, use: payload }],
      signatures: plan.signatures.map((s) => ({ ...s, typedName: payload, image: signaturePng() })),
    };
    const { view, close } = renderView(hostile);
    try {
      expect(view.querySelector('script')).toBeNull();
      expect(view.querySelector('img[onerror]')).toBeNull();
      expect(view.querySelector('h1')?.textContent).toBe(payload);
      expect(view.querySelector('.print-running-head')?.textContent).toBe(`${payload}, MRN MRN-004217`);
      expect(view.querySelector('.print-running-foot')?.textContent).toBe(`Printed 2 Mar 2026, 11:00. ${payload}.`);
      const images = [...view.querySelectorAll('img')];
      expect(images.map((img) => img.getAttribute('alt'))).toEqual([
        'Drawn signature of Dana Rivera',
        'Drawn signature of Jordan Avery',
      ]);
      expect(images[0]?.getAttribute('src')).toBe(`data:image/png;base64,${signaturePng()}`);
    } finally {
      close();
    }
  });
});
