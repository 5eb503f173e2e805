/**
 * Reads back what a PDF made by renderPlanPdf shows: per page, the text drawn (`<hex> Tj` operators of the
 * standard fonts, decoded from WinAnsi) and the number of images drawn (`Do`). Enough for our own PDFs, which
 * draw every line with one text operator; not a general PDF text extractor.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

export interface PdfPageContent {
  readonly lines: readonly string[];
  readonly images: number;
}

const WIN_ANSI_HIGH = new TextDecoder('windows-1252');

function streamText(stream: PDFObject | undefined): string {
  if (!(stream instanceof PDFRawStream)) return '';
  return new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
}

export async function pdfContent(bytes: Uint8Array): Promise<PdfPageContent[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref))
        : [contents === undefined ? undefined : doc.context.lookup(contents)];
    const operators = streams.map(streamText).join('\n');
    const lines = [...operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) =>
      WIN_ANSI_HIGH.decode(Uint8Array.from((match[1] ?? '').match(/../g) ?? [], (hex) => parseInt(hex, 16)))
    );
    const images = [...operators.matchAll(/\/[A-Za-z0-9-]+\s+Do/g)].length;
    return { lines, images };
  });
}
