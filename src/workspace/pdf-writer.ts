/**
 * A small page writer over pdf-lib: wrapped text from the top of the page down, a new page when the text reaches
 * the bottom margin, and a header and footer drawn on every page once the page count is known. Loaded only with
 * the PDF (plan-pdf.ts), so pdf-lib stays out of the workspace's first load.
 */
import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { winAnsiSafe } from './win-ansi.ts';

/** US Letter, with margins that also leave the text whole when the page is printed on A4. */
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.Letter;
const MARGIN_X = 54;
const TOP = PAGE_HEIGHT - 78;
const BOTTOM = 64;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

export interface TextStyle {
  readonly bold?: boolean;
  readonly size?: number;
  readonly indent?: number;
  readonly muted?: boolean;
}

export interface PdfWriter {
  /** Wrapped text; a blank line in the text is kept. */
  text(text: string, style?: TextStyle): void;
  /** A heading kept on the same page as at least `keepWith` points of what follows. */
  heading(text: string, size: number, indent?: number, keepWith?: number): void;
  /** `label` in bold in a column of its own, `value` wrapped beside it. */
  row(label: string, value: string, indent?: number): void;
  bullet(text: string, indent?: number): void;
  gap(points: number): void;
  /** Starts a new page unless `points` still fit on this one. */
  keep(points: number): void;
  /** A line to sign or write on, with its label under it. */
  signingLine(label: string, width: number, indent?: number): void;
  image(image: PDFImage, maxWidth: number, maxHeight: number, indent?: number): void;
  /** Draws on every page the header (its text, then `Page n of m`) and the footer; call once, at the end. */
  finish(header: string, footer: string): void;
}

export function pdfWriter(doc: PDFDocument, regular: PDFFont, bold: PDFFont): PdfWriter {
  const encodable = new Set(regular.getCharacterSet());
  const safe = (text: string, keepLineBreaks = false): string => winAnsiSafe(text, encodable, keepLineBreaks);
  let page: PDFPage = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  let y = TOP;

  const keep = (points: number): void => {
    if (y - points >= BOTTOM || y === TOP) return;
    page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    y = TOP;
  };
  const lineHeight = (size: number): number => size * 1.35;
  const draw = (line: string, x: number, size: number, font: PDFFont, muted = false): void => {
    if (line === '') return;
    page.drawText(line, { x, y: y - size, size, font, color: muted ? MUTED : INK });
  };

  const writer: PdfWriter = {
    text(text, style = {}) {
      const size = style.size ?? 10;
      const font = style.bold === true ? bold : regular;
      const indent = style.indent ?? 0;
      for (const line of wrap(safe(text, true), font, size, CONTENT_WIDTH - indent)) {
        keep(lineHeight(size));
        draw(line, MARGIN_X + indent, size, font, style.muted);
        y -= lineHeight(size);
      }
    },
    heading(text, size, indent = 0, keepWith = 40) {
      const lines = wrap(safe(text), bold, size, CONTENT_WIDTH - indent);
      keep(lines.length * lineHeight(size) + keepWith);
      writer.text(text, { bold: true, size, indent });
    },
    row(label, value, indent = 0) {
      const size = 10;
      const labelWidth = Math.min(150, (CONTENT_WIDTH - indent) * 0.35);
      const labels = wrap(safe(label), bold, size, labelWidth - 8);
      const values = wrap(safe(value, true), regular, size, CONTENT_WIDTH - indent - labelWidth);
      for (let i = 0; i < Math.max(labels.length, values.length); i += 1) {
        keep(lineHeight(size));
        draw(labels[i] ?? '', MARGIN_X + indent, size, bold);
        draw(values[i] ?? '', MARGIN_X + indent + labelWidth, size, regular);
        y -= lineHeight(size);
      }
    },
    bullet(text, indent = 0) {
      const size = 10;
      const lines = wrap(safe(text, true), regular, size, CONTENT_WIDTH - indent - 12);
      lines.forEach((line, i) => {
        keep(lineHeight(size));
        if (i === 0) draw('\u2022', MARGIN_X + indent, size, regular);
        draw(line, MARGIN_X + indent + 12, size, regular);
        y -= lineHeight(size);
      });
    },
    gap(points) {
      y -= points;
    },
    keep,
    signingLine(label, width, indent = 0) {
      keep(34);
      y -= 22;
      page.drawLine({
        start: { x: MARGIN_X + indent, y },
        end: { x: MARGIN_X + indent + width, y },
        thickness: 0.75,
        color: INK,
      });
      y -= 2;
      writer.text(label, { size: 8, indent, muted: true });
    },
    image(image, maxWidth, maxHeight, indent = 0) {
      const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
      const width = image.width * scale;
      const height = image.height * scale;
      keep(height + 4);
      page.drawImage(image, { x: MARGIN_X + indent, y: y - height, width, height });
      y -= height + 4;
    },
    finish(header, footer) {
      const pages = doc.getPages();
      const left = safe(header);
      const bottom = safe(footer);
      pages.forEach((each, index) => {
        const count = `Page ${String(index + 1)} of ${String(pages.length)}`;
        const countWidth = regular.widthOfTextAtSize(count, 9);
        const room = CONTENT_WIDTH - countWidth - 16;
        each.drawText(clip(left, bold, 10, room), { x: MARGIN_X, y: PAGE_HEIGHT - 44, size: 10, font: bold });
        each.drawText(count, { x: PAGE_WIDTH - MARGIN_X - countWidth, y: PAGE_HEIGHT - 44, size: 9, font: regular });
        each.drawLine({
          start: { x: MARGIN_X, y: PAGE_HEIGHT - 52 },
          end: { x: PAGE_WIDTH - MARGIN_X, y: PAGE_HEIGHT - 52 },
          thickness: 0.5,
          color: MUTED,
        });
        each.drawText(clip(bottom, regular, 8, CONTENT_WIDTH), {
          x: MARGIN_X,
          y: 36,
          size: 8,
          font: regular,
          color: MUTED,
        });
      });
    },
  };
  return writer;
}

/** Lines of at most `width` points; words longer than a line are broken. Blank lines are kept. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = breakWord(word, font, size, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
    lines.push(line);
  }
  return lines;
}

/** A word cut into pieces that each fit `width`, measuring one character at a time (linear in its length). */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of word) {
    const advance = font.widthOfTextAtSize(char, size);
    if (piece !== '' && used + advance > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += advance;
  }
  pieces.push(piece);
  return pieces;
}

function clip(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const room = width - font.widthOfTextAtSize('...', size);
  return `${breakWord(text, font, size, room)[0] ?? ''}...`;
}
