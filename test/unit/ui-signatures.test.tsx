// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import type { SaveStatus } from '../../src/ui/save-status.ts';
import { SaveOutcome } from '../../src/ui/SaveOutcome.tsx';
import { exampleRecords } from './workspace-example-records.ts';
import { buttonNamed, click, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

/** John Doe (17 today) with no plan yet: Dana Rivera, signed in, starts one, which is not complete. */
function startedPlan(): HTMLElement {
  const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
  const practitioner = records.find(
    (r): r is fhir.Practitioner => r.resourceType === 'Practitioner' && r.name?.[0]?.family === 'Rivera'
  );
  rendered = renderWorkspace(
    setupFor(records, { practitioner: { ...practitioner, id: 'dana' } as fhir.Practitioner }),
    records
  );
  click(buttonNamed(rendered.page, 'Start a plan'));
  return rendered.page;
}

function section(page: HTMLElement): HTMLElement {
  const found = page.querySelector<HTMLElement>('#plan-section-signatures');
  if (found === null) throw new Error('no Signatures section');
  return found;
}

/** The control a label names, as assistive technology finds it. */
function labelled(root: HTMLElement, text: string | RegExp): HTMLElement {
  const label = [...root.querySelectorAll('label')].find((l) =>
    typeof text === 'string' ? l.textContent === text : text.test(l.textContent)
  );
  const control = label === undefined ? null : root.querySelector<HTMLElement>(`#${label.htmlFor}`);
  if (control === null) throw new Error(`no control labelled ${String(text)}`);
  return control;
}

/** Types into a form control the way React sees a user typing. */
function type(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const prototype = control instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  act(() => {
    control.focus();
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, text);
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Opens the sign form and waits for its drawing pad, which loads on first use. */
async function openSignForm(page: HTMLElement): Promise<HTMLFormElement> {
  click(buttonNamed(section(page), 'Sign the plan'));
  const form = section(page).querySelector<HTMLFormElement>('form.sign-form');
  if (form === null) throw new Error('the sign form did not open');
  await act(async () => {
    await import('../../src/ui/signatures/SignaturePad.tsx');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return form;
}

function submit(form: HTMLFormElement): void {
  act(() => {
    form.requestSubmit();
  });
}

describe('the Signatures section', () => {
  test('says nobody has signed, and opens a sign form whose every control is labelled', async () => {
    const page = startedPlan();
    expect(section(page).textContent).toContain('Nobody has signed this plan yet.');

    const form = await openSignForm(page);

    const role = labelled(form, 'Signing as') as HTMLSelectElement;
    expect([...role.options].map((o) => o.textContent)).toEqual([
      'Clinician',
      'Client',
      'Parent or guardian',
      'Supervisor (co-signature)',
    ]);
    expect((labelled(form, 'Who signs') as HTMLInputElement).value).toMatch(/Rivera/);
    expect((labelled(form, 'Typed name (the signature)') as HTMLInputElement).value).toBe('');
    expect((labelled(form, /^I agree/) as HTMLInputElement).type).toBe('checkbox');
    const canvas = form.querySelector('canvas');
    expect(canvas?.getAttribute('aria-labelledby')).toBe('sign-drawing-label');
    expect(form.querySelector('#sign-drawing-label')?.textContent).toBe('Drawn signature');
    expect(buttonNamed(form, 'Clear the drawing').type).toBe('button');
  });

  test('is operable from the keyboard: native controls in order, and the form submits without a pointer', async () => {
    const page = startedPlan();
    const form = await openSignForm(page);
    const focusable = [...form.querySelectorAll<HTMLElement>('select, input, textarea, button')];
    expect(focusable.map((element) => element.tabIndex)).toEqual(focusable.map(() => 0));
    expect(focusable.map((element) => element.id || element.textContent)).toEqual([
      'sign-role',
      'sign-signer',
      'sign-typed-name',
      'sign-reason',
      'Clear the drawing',
      'sign-agree',
      'Sign',
      'Cancel',
    ]);
    type(labelled(form, 'Typed name (the signature)') as HTMLInputElement, 'Dana Rivera');
    submit(form);
    // Submitted (by Enter or the Sign button), the form says what is missing instead of signing.
    expect(form.querySelector('[role="alert"]')?.textContent).toBe(
      'Fill in why the plan is signed incomplete, the “I agree” box before signing.'
    );
  });

  test('shows why an incomplete plan cannot simply be signed, and lets only the clinician record why', async () => {
    const page = startedPlan();
    const form = await openSignForm(page);
    const gate = form.querySelector('.sign-gate');
    expect(gate?.textContent).toMatch(/The plan is not complete: \d+ items need attention\./);
    expect(gate?.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(labelled(form, 'Why the plan is signed although it is not complete').tagName).toBe('TEXTAREA');

    choose(labelled(form, 'Signing as') as HTMLSelectElement, 'client');

    expect(form.querySelector('#sign-reason')).toBeNull();
    expect(buttonNamed(form, 'Sign').disabled).toBe(true);
    expect(form.querySelector('#sign-waits')?.textContent).toBe(
      'The clinician signs first and records why the plan is signed as it is.'
    );
  });

  test('records the clinician’s reason with the signature, locks the plan, and a signature not saved is withdrawn', async () => {
    const page = startedPlan();
    const form = await openSignForm(page);
    type(labelled(form, 'Typed name (the signature)') as HTMLInputElement, 'Dana Rivera');
    type(
      labelled(form, 'Why the plan is signed although it is not complete') as HTMLInputElement,
      'Safety plan first; goals next week.'
    );
    act(() => {
      (labelled(form, /^I agree/) as HTMLInputElement).click();
    });

    click(buttonNamed(form, 'Sign'));

    const signatures = section(page);
    expect(signatures.querySelector('form')).toBeNull();
    expect(signatures.querySelector('[role="status"]')?.textContent).toMatch(/^Signed by .+\. Save the plan/);
    const card = signatures.querySelector('.signature-card');
    expect(card?.querySelector('.item-title')?.textContent).toMatch(/^Clinician: /);
    const facts = [...(card?.querySelectorAll('dt') ?? [])].map((dt) => [dt.textContent, dt.nextSibling?.textContent]);
    expect(facts).toContainEqual(['Typed name', 'Dana Rivera']);
    expect(facts).toContainEqual(['Signed although incomplete, because', 'Safety plan first; goals next week.']);
    expect(facts).toContainEqual(['Signed version', 'not saved yet: saving pins it to the saved version']);
    expect(page.querySelector('.read-only-notice')?.textContent).toContain('This plan has been signed');
    expect(buttonNamed(page, 'Save plan').disabled).toBe(false);

    click(buttonNamed(signatures, /^Withdraw/));

    expect(section(page).textContent).toContain('Nobody has signed this plan yet.');
    expect(page.querySelector('.read-only-notice')).toBeNull();
  });

  test('a signed plan still takes the next signature (record keeping), and lists the drawn image with its alt text', () => {
    const records = exampleRecords('george-smith');
    rendered = renderWorkspace(setupFor(records), records);
    const signatures = section(rendered.page);
    const cards = [...signatures.querySelectorAll('.signature-card')];
    expect(cards.length).toBeGreaterThan(0);
    expect(signatures.querySelectorAll('button').length).toBe(1);
    expect(buttonNamed(signatures, 'Sign the plan').disabled).toBe(false);
    for (const image of signatures.querySelectorAll('img')) {
      expect(image.getAttribute('alt')).toMatch(/^Drawn signature of /);
      expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    }
  });
});

describe('what the save bar says about signatures', () => {
  function shown(status: SaveStatus): HTMLElement {
    rendered?.unmount();
    const page = document.createElement('div');
    document.body.append(page);
    const root = createRoot(page);
    act(() => {
      root.render(
        <SaveOutcome
          status={status}
          strategy="transaction"
          onReapply={() => undefined}
          onDiscard={() => undefined}
          relaunchHref="#"
        />
      );
    });
    const unmount = (): void => {
      act(() => {
        root.unmount();
      });
      page.remove();
    };
    rendered = { page, unmount };
    return page;
  }

  test('says which step is running', () => {
    expect(shown({ kind: 'signing', step: 'content' }).textContent).toBe('Saving the plan, then its signatures…');
    expect(shown({ kind: 'signing', step: 'signatures' }).textContent).toBe(
      'Saving the signatures and the signed copy of the plan…'
    );
  });

  test('says the plan was saved but its signatures were not, that they are kept, and what the server said', () => {
    const page = shown({
      kind: 'signatures-not-saved',
      contentSaved: true,
      message: 'someone else changed the plan in the meantime.',
      view: { kind: 'conflict', changed: [] },
    });
    expect(page.querySelector('h3')?.textContent).toBe('The signatures were not saved');
    expect(page.textContent).toContain(
      'The plan itself was saved, but its signatures were not: someone else changed the plan in the meantime. The signatures are kept here; save again to write them (only the signatures are sent).'
    );
    expect(buttonNamed(page, 'Reload and re-apply my edits')).toBeDefined();
  });

  test('says where the signatures went once saved', () => {
    const page = shown({ kind: 'signed', contentSaved: true, version: '7', signatures: 2, withCopy: true });
    expect(page.textContent).toBe(
      'Saved the plan, then its signatures. 2 signatures were written to the client’s record, pinned to version 7 of the plan, with the signed plan (PDF) kept on the consent to treatment. The plan is now locked: changing it starts a revision.'
    );
  });
});
