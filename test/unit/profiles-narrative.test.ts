import { describe, expect, it } from 'vitest';
import { checkNarrativeDiv } from '../../src/conformance/narrative.ts';

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const rules = (div: string): string[] => checkNarrativeDiv(div).map((p) => p.rule);

describe('the narrative check (txt-1, txt-2)', () => {
  it.each([
    [`<div ${XHTML}>Plan</div>`],
    [`<div ${XHTML}><p class="a" id="p1">Score &lt; 10 &#8805; &#x2265; &quot;ok&quot;</p></div>`],
    [`<div ${XHTML}><!-- generated --><ul><li>One</li><li>Two</li></ul></div>`],
    [`<div ${XHTML}><img src="#logo" alt=""/></div>`],
    [`<div ${XHTML}><table border="1"><thead><tr><th colspan="2">Goal</th></tr></thead></table>x</div>`],
    [`<div ${XHTML} xml:lang="en"><span style='font-weight: bold'>Plan</span></div>`],
  ])('accepts %s', (div) => {
    expect(checkNarrativeDiv(div)).toEqual([]);
  });

  it.each([
    ['a non-div root', `<p ${XHTML}>Plan</p>`],
    ['no root element', 'Just text'],
    ['another namespace', '<div xmlns="http://example.org">Plan</div>'],
    ['an unclosed element', `<div ${XHTML}><p>Plan</div>`],
    ['a stray less-than sign', `<div ${XHTML}>a < b</div>`],
    ['a form', `<div ${XHTML}><form><p>x</p></form></div>`],
    ['an iframe', `<div ${XHTML}><iframe src="x"></iframe></div>`],
    ['an event attribute', `<div ${XHTML}><p onclick="x()">Plan</p></div>`],
    ['a javascript link', `<div ${XHTML}><a href="javascript:alert(1)">x</a></div>`],
    ['a deprecated element', `<div ${XHTML}><center>x</center></div>`],
    ['a repeated attribute', `<div ${XHTML}><p id="a" id="b">x</p></div>`],
    ['a CDATA section', `<div ${XHTML}><![CDATA[x]]></div>`],
    ['an undefined entity in an attribute', `<div ${XHTML}><p title="a&nbsp;b">x</p></div>`],
  ])('txt-1 rejects %s', (_, div) => {
    expect(rules(div)).toEqual(['txt-1']);
  });

  it.each([[`<div ${XHTML}></div>`], [`<div ${XHTML}/>`], [`<div ${XHTML}>\n  <p>\t</p>\n</div>`]])(
    'txt-2 rejects the empty narrative %s',
    (div) => {
      expect(rules(div)).toEqual(['txt-2']);
    }
  );
});
