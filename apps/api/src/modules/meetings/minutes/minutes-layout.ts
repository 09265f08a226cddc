import type { PDFFont, PDFPage } from 'pdf-lib';
import { findCjkFont, MISSING_FONT_MESSAGE, type CjkFont } from '../../../platform/watermark/cjk-font';
import { loadPdfLib } from '../../../platform/watermark/load-pdf-lib';

/**
 * The 纪要 layout, once, for the PDF and the DOCX (the panel's A4 print view follows the same
 * order): title; time, place, host; 出席, 请假, 列席; then per topic its title and text; the
 * resolutions (决议事项) with owner and deadline of each task; other matters.
 */
export interface MinutesLayout {
  title: string;
  /** e.g. 时间：2027-03-02 14:30–16:00 */
  facts: string[];
  sections: { heading: string; paragraphs: string[] }[];
}

/** A4 in points, margins about 25 mm. */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 72;

let cachedFont: CjkFont | undefined;
function cjkFont(): CjkFont {
  cachedFont ??= findCjkFont();
  if (!cachedFont) throw new Error(MISSING_FONT_MESSAGE);
  return cachedFont;
}

/** Breaks a line to the width: Chinese wraps between any two characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (font.widthOfTextAtSize(line + ch, size) > width && line) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/** The minutes as an A4 PDF with the CJK font the watermark uses (text stays extractable). */
export async function minutesPdf(layout: MinutesLayout): Promise<Buffer> {
  const { PDFDocument, fontkit } = await loadPdfLib();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(cjkFont().bytes, { subset: true });
  doc.setTitle(layout.title);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, size: number, options: { center?: boolean; gap?: number; indent?: number } = {}) => {
    for (const line of wrap(text, font, size, width - (options.indent ?? 0))) {
      if (y - size < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      const x = options.center ? (A4[0] - font.widthOfTextAtSize(line, size)) / 2 : MARGIN + (options.indent ?? 0);
      page.drawText(line, { x, y: y - size, size, font });
      y -= size * 1.6;
    }
    y -= options.gap ?? 0;
  };
  write(layout.title, 20, { center: true, gap: 12 });
  for (const fact of layout.facts) write(fact, 12);
  y -= 8;
  for (const section of layout.sections) {
    write(section.heading, 14, { gap: 2 });
    for (const p of section.paragraphs) write(p, 12, { indent: 24 });
    y -= 6;
  }
  return Buffer.from(await doc.save());
}

/** The minutes as a Word document (the `docx` package), for the office to edit further. */
export async function minutesDocx(layout: MinutesLayout): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const font = { eastAsia: 'SimSun', ascii: 'SimSun' };
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: layout.title, font, size: 40 })],
    }),
    ...layout.facts.map((f) => new Paragraph({ children: [new TextRun({ text: f, font, size: 24 })] })),
    ...layout.sections.flatMap((s) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s.heading, font, size: 28, bold: true })] }),
      ...s.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun({ text: p, font, size: 24 })] })),
    ]),
  ];
  const doc = new Document({
    title: layout.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
