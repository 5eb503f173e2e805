// @vitest-environment jsdom
/**
 * Exporting from the Exchange panel (issue 6 §3): the chosen plan of the record, in the chosen format, handed to
 * the browser as a download named after the client and the day. The browser's object URLs are recorded (jsdom
 * has none) so the test can read the file the link points at.
 */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';
import { buttonIn, labelled, openExchange, part, select, tick, waitUntil } from './ui-exchange-harness.tsx';
import { renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';

const blobs = new Map<string, Blob>();
const revoked: string[] = [];
const started: { href: string; download: string }[] = [];
const originals = {
  create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
  revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
};

function restore(name: 'createObjectURL' | 'revokeObjectURL', descriptor: PropertyDescriptor | undefined): void {
  if (descriptor === undefined) Reflect.deleteProperty(URL, name);
  else Object.defineProperty(URL, name, descriptor);
}

/** Records each download link the app clicks, instead of navigating (jsdom cannot). */
function onClick(event: MouseEvent): void {
  const link = event.target instanceof HTMLAnchorElement ? event.target : undefined;
  if (link?.hasAttribute('download') !== true) return;
  event.preventDefault();
  started.push({ href: link.href, download: link.download });
}

let rendered: Rendered | undefined;
beforeEach(() => {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:http://app.example/${String(blobs.size + 1)}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
  };
  document.addEventListener('click', onClick, true);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  document.removeEventListener('click', onClick, true);
  restore('createObjectURL', originals.create);
  restore('revokeObjectURL', originals.revoke);
  blobs.clear();
  revoked.length = 0;
  started.length = 0;
});

/** Opens the panel for George Smith, picks format and plan, presses Download; returns the downloaded text. */
async function download(format: RegExp, plan?: string): Promise<{ name: string; text: string; panel: HTMLElement }> {
  const records = exampleRecords('george-smith');
  rendered = renderWorkspace(setupFor(records), records);
  const exportPart = part(await openExchange(rendered.page), 'Export');
  tick(exportPart, format);
  if (plan !== undefined) select(labelled(exportPart, 'Plan to export', HTMLSelectElement), plan);
  await act(async () => {
    buttonIn(exportPart, 'Download').click();
    await Promise.resolve();
  });
  await waitUntil(() => started.length > 0 || exportPart.querySelector('[role="alert"]') !== null, 'the download');
  const [first] = started;
  if (first === undefined) throw new Error(exportPart.querySelector('[role="alert"]')?.textContent ?? 'no download');
  const blob = blobs.get(first.href);
  if (blob === undefined) throw new Error(`no blob behind ${first.href}`);
  return { name: first.download, text: await blob.text(), panel: exportPart };
}

describe('exporting a plan from the Exchange panel', () => {
  test('a transaction Bundle of the current plan downloads, named after the client and the day', async () => {
    const { name, text, panel } = await download(/^FHIR transaction/);

    expect(name).toBe('george-smith-treatment-plan-2026-11-27.transaction.json');
    const bundle = JSON.parse(text) as fhir.Bundle;
    expect(bundle.type).toBe('transaction');
    const plans = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === 'CarePlan');
    expect(plans.map((e) => (e.resource as fhir.CarePlan).title)).toContain(
      'Treatment plan: George Smith (revised August 2026)'
    );
    expect(plans.every((e) => e.request?.method === 'POST' && e.request.ifNoneExist !== undefined)).toBe(true);
    const link = panel.querySelector('.exchange-download a');
    expect(link?.textContent).toBe(name);
    expect(link?.getAttribute('download')).toBe(name);
  });

  test('a document Bundle starts with its Composition and has a readable section per plan section', async () => {
    const { name, text } = await download(/^FHIR document/);

    expect(name).toBe('george-smith-treatment-plan-2026-11-27.document.json');
    const bundle = JSON.parse(text) as fhir.Bundle;
    expect(bundle.type).toBe('document');
    const composition = bundle.entry?.[0]?.resource as fhir.Composition;
    expect(composition.resourceType).toBe('Composition');
    expect(composition.section?.length).toBeGreaterThan(3);
    expect(composition.section?.every((s) => s.text?.div.startsWith('<div') === true)).toBe(true);
  });

  test('a C-CDA Care Plan document downloads as XML, its writer loaded on demand', async () => {
    const { name, text } = await download(/^C-CDA Care Plan/);

    expect(name).toBe('george-smith-treatment-plan-2026-11-27.ccda.xml');
    expect(text).toContain('<ClinicalDocument');
    expect(text).toContain('Treatment plan: George Smith (revised August 2026)');
  });

  test('an earlier plan can be exported instead of the current one', async () => {
    const earlier = plansOnRecord(exampleRecords('george-smith')).others[0];
    if (earlier === undefined) throw new Error('George Smith has an earlier plan');
    const { text } = await download(/^FHIR transaction/, earlier.address);

    const titles = (JSON.parse(text) as fhir.Bundle).entry
      ?.filter((e) => e.resource?.resourceType === 'CarePlan')
      .map((e) => (e.resource as fhir.CarePlan).title);
    expect(titles).toContain(earlier.title);
    expect(titles).not.toContain('Treatment plan: George Smith (revised August 2026)');
  });
});
