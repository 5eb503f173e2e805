// @vitest-environment jsdom
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { planToCcda } from '../../src/exchange/ccda/index.ts';
import { escapeXhtml, planNarrative } from '../../src/mapping/narrative.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planNoteXhtml } from '../../src/workspace/plan-note-xhtml.ts';
import { exampleRecords } from './workspace-example-records.ts';

/** Characters XML 1.0 forbids: a vertical tab, a form feed, a NUL, U+FFFF, a lone surrogate. */
const FORBIDDEN = '\u000B\u000C\u0000\uFFFF\uD800';
const TITLE = `Plan${FORBIDDEN} for <Sam> & "co" 'x'`;

/** The parse errors of `text` read as XML of `type` (jsdom reports them as a parsererror element). */
function parseErrors(text: string, type: DOMParserSupportedType): string[] {
  const doc = new DOMParser().parseFromString(text, type);
  return [...doc.getElementsByTagName('parsererror')].map((e) => e.textContent);
}

/** The example records with the CarePlan's title holding characters XML forbids. */
function recordsWithForbiddenTitle(): fhir.FhirResource[] {
  return exampleRecords('john-doe').map((r) => (r.resourceType === 'CarePlan' ? { ...r, title: TITLE } : r));
}

describe('the one XML escape', () => {
  it('escapes the five specials and drops what XML forbids, keeping tab, line feed, carriage return and pairs', () => {
    expect(escapeXhtml(`a${FORBIDDEN}<b>&"c"'d'\t\n\r😀`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;\t\n\r😀');
  });

  it('is needed: the parser these tests use rejects a forbidden character written as it is', () => {
    expect(parseErrors('<a>\u000B</a>', 'application/xml')).not.toEqual([]);
  });
});

describe('a plan text with a character XML forbids', () => {
  const records = recordsWithForbiddenTitle();

  it('still exports to a C-CDA document that parses as XML, with the rest of the title kept', () => {
    const { xml } = planToCcda(records, { now: new Date('2026-11-27T12:00:00Z') });
    expect(parseErrors(xml, 'application/xml')).toEqual([]);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`Plan for <Sam> & "co" 'x'`);
  });

  it('still gives a well-formed CarePlan narrative and plan note', () => {
    const plan = planFromFhir(records).plan;
    expect(plan.title).toBe(TITLE);
    const div = planNarrative(plan);
    expect(parseErrors(div, 'application/xhtml+xml')).toEqual([]);
    expect(div).toContain('Plan for &lt;Sam&gt; &amp; &quot;co&quot; &#39;x&#39;');
    expect(parseErrors(planNoteXhtml(plan), 'application/xhtml+xml')).toEqual([]);
  });
});
