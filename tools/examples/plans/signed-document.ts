/**
 * The signed treatment contract as a one-page PDF, the legal copy DESIGN.md §4 keeps beside the structured data
 * (Consent.sourceAttachment). Built byte by byte so it is tiny and identical on every run; the text says it is a
 * synthetic example.
 */
import type { AttachedDocument, IsoDateTime } from '../../../src/plan/treatment-plan.ts';

/** PDF string literals escape backslash and parentheses; the examples use ASCII only. */
function pdfText(line: string): string {
  if (!/^[\x20-\x7e]*$/.test(line)) {
    throw new Error(`Contract text must be printable ASCII: ${line}`);
  }
  return line.replace(/[\\()]/g, (c) => `\\${c}`);
}

function onePagePdf(lines: readonly string[]): string {
  const content = ['BT /F1 11 Tf 72 740 Td 15 TL', ...lines.map((line) => `(${pdfText(line)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

export interface ContractText {
  readonly title: string;
  readonly client: string;
  readonly body: readonly string[];
  /** `Signed: <name> (<role>) <when>` lines. */
  readonly signedBy: readonly string[];
  readonly created: IsoDateTime;
}

export function signedContract(text: ContractText): AttachedDocument {
  const lines = [
    text.title,
    `Client: ${text.client}`,
    '',
    ...text.body,
    '',
    ...text.signedBy.map((s) => `Signed: ${s}`),
    '',
    'SYNTHETIC EXAMPLE - not a real person or a real record.',
  ];
  return {
    contentType: 'application/pdf',
    title: text.title,
    data: Buffer.from(onePagePdf(lines), 'latin1').toString('base64'),
    creation: text.created,
  };
}
