/**
 * The plan as a PDF: the document the signing flow attaches to the Consent (issue 4 §4, DESIGN.md §4) and that a
 * clinician can file or hand over. It lays out the same outline as the print view (plan-outline.ts), so both say
 * the same. Callers load this module with `import()`: pdf-lib is heavy and only needed when a PDF is made.
 */
import { PDFDocument, StandardFonts, type PDFImage } from 'pdf-lib';
import type { TreatmentPlan } from '../plan/index.ts';
import { pdfWriter, type PdfWriter } from './pdf-writer.ts';
import { planOutline, type OutlineBlock, type SignatureLine } from './plan-outline.ts';
import { dateTimeWords } from './outline-words.ts';

/**
 * Renders `plan` as a PDF (US Letter, standard Helvetica) and returns its bytes. `printedAt` (a zoned date-time)
 * is when the PDF is made, printed in the footer of every page and kept as its creation date.
 */
export async function renderPlanPdf(plan: TreatmentPlan, options: { readonly printedAt: string }): Promise<Uint8Array> {
  const outline = planOutline(plan);
  const doc = await PDFDocument.create();
  const [regular, bold] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
  ]);
  const who = [outline.client.name, outline.client.identifier].filter((part) => part !== undefined).join(', ');
  const printed = dateTimeWords(options.printedAt) ?? options.printedAt;
  const writer = pdfWriter(doc, regular, bold);

  // The document information is metadata, not shown text: pdf-lib writes it as UTF-16, so any name is safe here.
  doc.setTitle(`${outline.title}: ${who}`);
  doc.setSubject('Treatment plan');
  doc.setCreator('Treatment plan app');
  const printedDate = new Date(options.printedAt);
  if (!Number.isNaN(printedDate.getTime())) {
    doc.setCreationDate(printedDate);
    doc.setModificationDate(printedDate);
  }

  writer.heading(outline.title, 16, 0, 20);
  if (outline.summary !== undefined) writer.text(outline.summary, { muted: true });
  writer.gap(6);
  for (const section of outline.sections) {
    writer.gap(10);
    writer.heading(section.heading, 13);
    writer.gap(2);
    for (const block of section.blocks) writeBlock(writer, block, 0);
  }
  writer.gap(14);
  writer.heading(outline.signaturesHeading, 13, 0, 110);
  for (const line of outline.signatures) await writeSignature(doc, writer, line);
  writer.finish(who, `Printed ${printed}. ${outline.title}.`);
  return doc.save();
}

function writeBlock(writer: PdfWriter, block: OutlineBlock, indent: number): void {
  switch (block.kind) {
    case 'rows':
      for (const row of block.rows) writer.row(row.label, row.value, indent);
      writer.gap(3);
      return;
    case 'list':
      writer.heading(block.label, 10, indent, 14);
      if (block.items.length === 0) writer.text('None recorded.', { indent: indent + 12, muted: true });
      for (const item of block.items) writer.bullet(item, indent + 4);
      writer.gap(3);
      return;
    case 'paragraph':
      writer.heading(block.label, 10, indent, 14);
      writer.text(block.text, { indent });
      writer.gap(3);
      return;
    case 'entry':
      writer.gap(4);
      writer.heading(block.title, 11, indent, 28);
      for (const inner of block.blocks) writeBlock(writer, inner, indent + 14);
      return;
    case 'none':
      writer.text(block.text, { indent, muted: true });
      writer.gap(3);
      return;
  }
}

async function writeSignature(doc: PDFDocument, writer: PdfWriter, line: SignatureLine): Promise<void> {
  writer.keep(120);
  writer.gap(8);
  writer.heading(line.role, 11, 0, 90);
  const signed = line.signed;
  if (signed === undefined) {
    writer.signingLine('Signature', 260);
    writer.signingLine('Name', 260);
    writer.signingLine('Date and time', 160);
    return;
  }
  const image = signed.image === undefined ? undefined : await embedSignature(doc, signed.image);
  if (image === 'unreadable') writer.text('The drawn signature could not be read.', { muted: true });
  else if (image !== undefined) writer.image(image, 220, 70);
  writer.row('Signed by', signed.signer);
  writer.row('Typed name', signed.typedName);
  writer.row('Signed at', signed.signedAt);
  writer.row('Plan version signed', signed.planVersion ?? 'Not recorded');
  if (signed.incompleteReason !== undefined) writer.row('Signed although incomplete, because', signed.incompleteReason);
}

/** The drawn signature as a PDF image; a PNG that cannot be decoded is said on paper, not silently left out. */
async function embedSignature(doc: PDFDocument, base64: string): Promise<PDFImage | 'unreadable'> {
  try {
    return await doc.embedPng(base64);
  } catch {
    return 'unreadable';
  }
}
