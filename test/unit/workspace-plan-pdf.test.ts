import { PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { renderPlanPdf } from '../../src/workspace/plan-pdf.ts';
import { planOutline } from '../../src/workspace/plan-outline.ts';
import { fullPlan } from '../support/full-plan.ts';
import { pdfContent } from '../support/pdf-text.ts';
import { signaturePng } from '../support/signature-png.ts';
import { samplePlan } from './plan-fixtures.ts';

const PRINTED_AT = '2026-03-02T11:00:00-05:00';

function withDrawnSignature(plan: TreatmentPlan): TreatmentPlan {
  return { ...plan, signatures: plan.signatures.map((s) => ({ ...s, image: signaturePng(), planVersion: '7' })) };
}

describe('the plan as a PDF', () => {
  test('is a PDF that pdf-lib loads again, with at least one page', async () => {
    const bytes = await renderPlanPdf(samplePlan(), { printedAt: PRINTED_AT });
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe('Treatment plan for George Smith: George Smith, MRN MRN-1001');
  });

  test('every page carries the client name, the second identifier and "page N of M"', async () => {
    const pages = await pdfContent(await renderPlanPdf(fullPlan(), { printedAt: PRINTED_AT }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.lines).toContain('Jordan Avery, MRN MRN-004217');
      expect(page.lines).toContain(`Page ${String(index + 1)} of ${String(pages.length)}`);
      expect(page.lines).toContain('Printed 2 Mar 2026, 11:00. Treatment plan: recurrent depression.');
    });
  });

  test('shows every section heading and every row of the outline', async () => {
    const plan = fullPlan();
    const text = (await pdfContent(await renderPlanPdf(plan, { printedAt: PRINTED_AT })))
      .flatMap((page) => page.lines)
      .join('\n');
    const outline = planOutline(plan);
    for (const section of outline.sections) {
      expect(text).toContain(section.heading);
      for (const block of section.blocks) {
        if (block.kind !== 'rows') continue;
        for (const row of block.rows) {
          expect(text).toContain(row.label);
          expect(text).toContain(row.value);
        }
      }
    }
    expect(text).toContain('Dana Rivera, LCSW');
    expect(text).toContain('PHQ-9 total score below 10 by 5 Jul 2026');
    expect(text).toContain('Objective 1.2: Sleep six hours most nights');
  });

  test('wraps long text within the page instead of running off it', async () => {
    const plan = samplePlan();
    const long = Array.from({ length: 120 }, (_, i) => `word${String(i)}`).join(' ');
    const pages = await pdfContent(
      await renderPlanPdf(
        { ...plan, history: { ...plan.history, psychosocialHistory: long } },
        { printedAt: PRINTED_AT }
      )
    );
    const lines = pages.flatMap((page) => page.lines).filter((line) => line.startsWith('word'));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(' ')).toBe(long);
  });

  test('breaks a word longer than a line (a pasted link, a run of characters) across lines, losing nothing', async () => {
    const plan = samplePlan();
    const word = 'x'.repeat(600);
    const pages = await pdfContent(
      await renderPlanPdf({ ...plan, history: { ...plan.history, occupation: word } }, { printedAt: PRINTED_AT })
    );
    const pieces = pages.flatMap((page) => page.lines).filter((line) => /^x+$/.test(line));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(word);
  });

  test('a name too long for the page header is shortened there and printed whole in the Client section', async () => {
    const plan = samplePlan();
    const name = `George ${'Long'.repeat(60)} Smith`;
    const pages = await pdfContent(
      await renderPlanPdf({ ...plan, client: { ...plan.client, name } }, { printedAt: PRINTED_AT })
    );
    const header = pages[0]?.lines.find((line) => line.startsWith('George Long') && line.endsWith('...'));
    expect(header?.length).toBeLessThan(name.length);
    const lines = pages.flatMap((page) => page.lines);
    const from = lines.indexOf('Name');
    expect(
      lines
        .slice(from + 1, lines.indexOf('MRN', from))
        .join('')
        .replaceAll(' ', '')
    ).toBe(name.replaceAll(' ', ''));
  });

  test('a long plan runs over several pages, numbered throughout', async () => {
    const plan = samplePlan();
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `s-${String(i)}`, description: `Strength ${String(i)}` }));
    const pages = await pdfContent(await renderPlanPdf({ ...plan, strengths: many }, { printedAt: PRINTED_AT }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.at(-1)?.lines).toContain(`Page ${String(pages.length)} of ${String(pages.length)}`);
    const strengths = pages.flatMap((page) => page.lines).filter((line) => /^Strength \d+$/.test(line));
    expect(strengths).toHaveLength(60);
  });

  test('an unsigned plan has signature, name and date lines for the clinician and the client', async () => {
    const pages = await pdfContent(await renderPlanPdf(samplePlan(), { printedAt: PRINTED_AT }));
    const text = pages.flatMap((page) => page.lines);
    const from = text.indexOf('Signatures');
    expect(from).toBeGreaterThan(0);
    const block = text.slice(from).filter((line) => !line.startsWith('Page ') && !line.includes('MRN-1001'));
    expect(block.slice(0, 9)).toEqual([
      'Signatures',
      'Clinician',
      'Signature',
      'Name',
      'Date and time',
      'Client (or parent or guardian)',
      'Signature',
      'Name',
      'Date and time',
    ]);
    expect(pages.reduce((sum, page) => sum + page.images, 0)).toBe(0);
  });

  test('a signed plan shows each signature and embeds the drawn one as an image', async () => {
    const bytes = await renderPlanPdf(withDrawnSignature(fullPlan()), { printedAt: PRINTED_AT });
    const pages = await pdfContent(bytes);
    const text = pages.flatMap((page) => page.lines);
    expect(text).toEqual(expect.arrayContaining(['Dana Rivera, LCSW', 'Jordan Avery', '5 Jan 2026, 10:59', '7']));
    expect(text).not.toContain('Date and time');
    expect(pages.reduce((sum, page) => sum + page.images, 0)).toBe(2);
  });

  test('a signature given although the plan was incomplete carries its reason on paper', async () => {
    const plan = withDrawnSignature(fullPlan());
    const [first, ...rest] = plan.signatures;
    if (first === undefined) throw new Error('the full plan has no signature');
    const reason = 'Client in crisis; plan finished at the next session';
    const signed = { ...plan, signatures: [{ ...first, incompleteReason: reason }, ...rest] };
    const text = (await pdfContent(await renderPlanPdf(signed, { printedAt: PRINTED_AT }))).flatMap((p) => p.lines);
    // The label wraps within its column, beside the reason.
    expect(text).toEqual(expect.arrayContaining(['Signed although incomplete,', 'because', reason]));
    const unmarked = await pdfContent(await renderPlanPdf(plan, { printedAt: PRINTED_AT }));
    expect(unmarked.flatMap((p) => p.lines).join(' ')).not.toContain('Signed although incomplete');
  });

  test('a drawn signature that is not a readable PNG is said on paper, and the PDF is still made', async () => {
    const plan = fullPlan(); // its client signature image is a truncated PNG
    const pages = await pdfContent(await renderPlanPdf(plan, { printedAt: PRINTED_AT }));
    expect(pages.flatMap((page) => page.lines)).toContain('The drawn signature could not be read.');
  });

  test('characters Helvetica cannot encode become their nearest Latin letters or "?" instead of failing', async () => {
    const plan = samplePlan();
    const name = 'Zoë Łukasz Nguyễn 王小明 🙂';
    const odd: TreatmentPlan = {
      ...plan,
      client: { ...plan.client, name },
      strengths: [{ id: 's-1', description: 'Score ≤ 10 → fine\tand “quoted”', use: 'Ünïcödé ﬁne' }],
    };
    const pages = await pdfContent(await renderPlanPdf(odd, { printedAt: PRINTED_AT }));
    const text = pages.flatMap((page) => page.lines);
    expect(text).toContain('Zoë Lukasz Nguyen ??? ?, MRN MRN-1001');
    expect(text).toContain('Score <= 10 -> fine and “quoted”');
    expect(text).toContain('Ünïcödé fine');
    const doc = await PDFDocument.load(await renderPlanPdf(odd, { printedAt: PRINTED_AT }));
    expect(doc.getTitle()).toContain(name);
  });

  test('hostile strings are printed as plain text', async () => {
    const payload = '<script>alert(1)</script>';
    const plan = samplePlan();
    const pages = await pdfContent(
      await renderPlanPdf({ ...plan, title: payload, summary: payload }, { printedAt: PRINTED_AT })
    );
    expect(pages[0]?.lines.slice(0, 2)).toEqual([payload, payload]);
  });
});
