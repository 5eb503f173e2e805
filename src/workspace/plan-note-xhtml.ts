/**
 * The plan as the XHTML of a clinical note (issue 5 §2 "Note"): the same outline as the print view and the PDF
 * (plan-outline.ts), so the note, the paper and the screen say the same. Oracle Health sanitises the HTML of notes
 * it stores, so only plain structure is used: h1-h3, p, ul/li and table rows; no style, class, script, image or
 * link. Every value is escaped text.
 * @see https://hl7.org/fhir/R4/documentreference.html
 */
import { escapeXhtml } from '../mapping/narrative.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { planOutline, type OutlineBlock, type PlanOutline, type SignatureLine } from './plan-outline.ts';

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function element(tag: string, content: string): string {
  return `<${tag}>${content}</${tag}>`;
}

function textElement(tag: string, text: string): string {
  return element(tag, escapeXhtml(text));
}

/** Entries nest (objectives in goals); HTML offers h1-h3 only, so deeper entry titles stay at h3. */
function blockXhtml(block: OutlineBlock): string {
  switch (block.kind) {
    case 'rows':
      return element(
        'table',
        element(
          'tbody',
          block.rows.map((row) => element('tr', textElement('th', row.label) + textElement('td', row.value))).join('')
        )
      );
    case 'list':
      return (
        textElement('p', block.label) +
        (block.items.length === 0
          ? textElement('p', 'None recorded.')
          : element('ul', block.items.map((item) => textElement('li', item)).join('')))
      );
    case 'paragraph':
      return textElement('p', block.label) + textElement('p', block.text);
    case 'entry':
      return textElement('h3', block.title) + block.blocks.map(blockXhtml).join('');
    case 'none':
      return textElement('p', block.text);
  }
}

function signatureXhtml(line: SignatureLine): string {
  const { signed } = line;
  if (signed === undefined) return textElement('h3', line.role) + textElement('p', 'Not signed.');
  const rows: OutlineBlock = {
    kind: 'rows',
    rows: [
      { label: 'Signed by', value: signed.signer },
      { label: 'Typed name', value: signed.typedName },
      { label: 'Signed at', value: signed.signedAt },
      { label: 'Plan version signed', value: signed.planVersion ?? 'Not recorded' },
    ],
  };
  return textElement('h3', line.role) + blockXhtml(rows);
}

/** The outline's body: title, summary, every section, then the signatures. */
export function outlineXhtml(outline: PlanOutline): string {
  // An EHR's own plan may have no title; the note still needs a heading.
  const title = outline.title.trim() === '' ? 'Treatment plan' : outline.title;
  const client = [outline.client.name, outline.client.identifier].filter((part) => part !== undefined).join(', ');
  return [
    textElement('h1', title),
    textElement('p', client),
    ...(outline.summary === undefined ? [] : [textElement('p', outline.summary)]),
    ...outline.sections.map((section) => textElement('h2', section.heading) + section.blocks.map(blockXhtml).join('')),
    textElement('h2', outline.signaturesHeading),
    ...outline.signatures.map(signatureXhtml),
  ].join('');
}

/**
 * The plan as a complete XHTML document (`application/xhtml+xml`): well-formed XML in the XHTML namespace, so a
 * server can parse it before it sanitises it. No XML declaration: UTF-8 is XML's default, and a sanitiser that
 * treats the note as HTML would show it as text.
 */
export function planNoteXhtml(plan: TreatmentPlan): string {
  const outline = planOutline(plan);
  const title = outline.title.trim() === '' ? 'Treatment plan' : outline.title;
  return (
    `<html xmlns="${XHTML_NAMESPACE}"><head>${textElement('title', title)}</head>` +
    `<body>${outlineXhtml(outline)}</body></html>`
  );
}
