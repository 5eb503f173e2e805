// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, test } from 'vitest';
import { ForeignNarrative } from '../../src/ui/ForeignNarrative.tsx';
import { OtherSystemsPanel } from '../../src/ui/OtherSystemsPanel.tsx';
import { sanitiseNarrative } from '../../src/ui/narrative-sanitiser.ts';
import { foreignNarrativeOf, foreignNarratives } from '../../src/workspace/foreign-narratives.ts';

const XHTML = 'http://www.w3.org/1999/xhtml';
const wrap = (inner: string): string => `<div xmlns="${XHTML}">${inner}</div>`;

/** The sanitised markup parsed back, so assertions look at elements and attributes, not at strings. */
function parsed(div: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = sanitiseNarrative(div).html;
  return holder;
}

function attributeNames(root: HTMLElement): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
}

describe('sanitising a narrative from another system', () => {
  test('keeps headings, paragraphs, lists, tables and emphasis with their text', () => {
    const root = parsed(
      wrap(
        '<h3>Plan</h3><p>Client agrees to <b>weekly</b> sessions.</p><ul><li>Sleep</li></ul>' +
          '<table><thead><tr><th scope="col">Goal</th></tr></thead><tbody><tr><td colspan="2">Mood</td></tr></tbody></table>'
      )
    );
    expect(root.querySelector('h3')?.textContent).toBe('Plan');
    expect(root.querySelector('p b')?.textContent).toBe('weekly');
    expect(root.querySelector('li')?.textContent).toBe('Sleep');
    expect(root.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(root.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(sanitiseNarrative(wrap('<p>plain</p>')).altered).toBe(false);
  });

  test.each([
    ['a script element', '<script>window.__pwned=1</script><p>after</p>'],
    ['an image with onerror', '<img src="x" onerror="window.__pwned=1"/><p>after</p>'],
    ['an svg with onload', '"><svg onload="window.__pwned=1"><circle/></svg><p>after</p>'],
    ['an iframe with srcdoc', '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe><p>after</p>'],
    ['an object and an embed', '<object data="javascript:alert(1)"></object><embed src="x.swf"/><p>after</p>'],
    [
      'a form with a javascript action',
      '<form action="javascript:alert(1)"><input name="q"/><button>Go</button></form><p>after</p>',
    ],
    ['a style element', '<style>body{background:url(https://tracker.example/x)}</style><p>after</p>'],
    ['a math element with a link', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math><p>after</p>'],
    ['a template', '<template><script>window.__pwned=1</script></template><p>after</p>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"/><p>after</p>'],
    ['a base element', '<base href="https://evil.example/"/><p>after</p>'],
  ])('removes %s and says that something was removed', (_name, payload) => {
    const sanitised = sanitiseNarrative(wrap(payload));
    const root = parsed(wrap(payload));
    expect(
      root.querySelector(
        'script, img, svg, iframe, object, embed, form, input, button, style, math, template, meta, base'
      )
    ).toBeNull();
    expect(attributeNames(root).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(root.querySelector('p')?.textContent).toBe('after');
    expect(sanitised.html).not.toMatch(/javascript:|__pwned|onerror|onload/i);
    expect(sanitised.altered).toBe(true);
  });

  test('takes event handlers, style, class, id and name off the elements it keeps', () => {
    const root = parsed(
      wrap(
        '<p id="root" class="x" style="background:url(https://tracker.example/p)" onclick="window.__pwned=1" onmouseover="x()">Text</p><a name="save">a</a>'
      )
    );
    expect(root.querySelector('p')?.textContent).toBe('Text');
    expect(attributeNames(root)).toEqual([]);
  });

  test.each([
    'javascript:window.__pwned=1',
    ' JaVaScRiPt:window.__pwned=1',
    'java&#x09;script:window.__pwned=1',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ])('drops the link target %s but keeps the link text', (href) => {
    const root = parsed(wrap(`<p><a href="${href}">Open the record</a></p>`));
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('Open the record');
    expect(link?.hasAttribute('href')).toBe(false);
    expect(link?.hasAttribute('target')).toBe(false);
  });

  test('an http(s) link opens in a new tab without access to this page', () => {
    const root = parsed(wrap('<p><a href="https://ehr.example/plan/1" target="_self" rel="opener">Plan</a></p>'));
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://ehr.example/plan/1');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('escaped markup stays text', () => {
    const root = parsed(wrap('<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>'));
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('p')?.textContent).toBe('<script>window.__pwned=1</script>');
  });

  test('the component shows the sanitised narrative and says when something was taken out', () => {
    const page = document.createElement('div');
    const root = createRoot(page);
    act(() => {
      root.render(
        <ForeignNarrative
          narrative={{
            address: 'CarePlan/x',
            title: 'Plan',
            div: wrap('<p onclick="window.__pwned=1">Weekly CBT</p><img src=x onerror="window.__pwned=1">'),
          }}
        />
      );
    });
    expect(page.querySelector('.narrative-body p')?.textContent).toBe('Weekly CBT');
    expect(page.querySelector('img, [onclick]')).toBeNull();
    expect(page.querySelector('.narrative-altered')?.textContent).toMatch(/taken out of this narrative for safety/);
    expect((window as unknown as Record<string, unknown>)['__pwned']).toBeUndefined();
    act(() => {
      root.unmount();
    });
  });
});

describe('the "from other systems" panel', () => {
  test('shows each foreign narrative under its plan title, sanitised, once the sanitiser has loaded', async () => {
    const page = document.createElement('div');
    const root = createRoot(page);
    await act(async () => {
      root.render(
        <OtherSystemsPanel
          items={[]}
          narratives={[
            {
              address: 'CarePlan/elsewhere',
              title: 'Plan <script>window.__pwned=1</script>',
              div: wrap('<p>From the clinic</p><script>window.__pwned=1</script>'),
            },
          ]}
        />
      );
      await import('../../src/ui/ForeignNarrative.tsx');
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const section = page.querySelector('section[aria-label^="Narrative of"]');
    expect(section?.querySelector('.narrative-title')?.textContent).toMatch(
      /^Narrative of Plan <script>window.__pwned=1<\/script> \(CarePlan\/elsewhere/
    );
    expect(section?.querySelector('.narrative-body')?.textContent).toBe('From the clinic');
    expect(page.querySelector('script')).toBeNull();
    act(() => {
      root.unmount();
    });
  });

  test('is not shown when there is nothing from other systems', () => {
    const page = document.createElement('div');
    const root = createRoot(page);
    act(() => {
      root.render(<OtherSystemsPanel items={[]} narratives={[]} />);
    });
    expect(page.innerHTML).toBe('');
    act(() => {
      root.unmount();
    });
  });
});

describe('which narratives are foreign', () => {
  const ours: fhir.CarePlan = {
    resourceType: 'CarePlan',
    id: 'ours',
    status: 'active',
    intent: 'plan',
    subject: { reference: 'Patient/p' },
    identifier: [{ system: 'urn:placeholder', value: 'x' }],
    text: { status: 'generated', div: wrap('<p>generated</p>') },
  };

  test('a care plan with no identifier of ours is foreign; one without narrative is not listed', () => {
    const foreign: fhir.CarePlan = { ...ours, id: 'theirs', title: 'Their plan', identifier: [] };
    const bare: fhir.CarePlan = { ...ours, id: 'bare', identifier: [], text: { status: 'generated', div: '  ' } };
    expect(foreignNarratives([foreign, bare])).toEqual([
      { address: 'CarePlan/theirs', title: 'Their plan', div: wrap('<p>generated</p>') },
    ]);
  });

  test('a care plan whose narrative is not generated is foreign whoever wrote it', () => {
    expect(foreignNarrativeOf({ ...ours, text: { status: 'additional', div: wrap('<p>more</p>') } })?.div).toBe(
      wrap('<p>more</p>')
    );
  });
});
