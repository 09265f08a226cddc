import { findCjkFont, MISSING_FONT_MESSAGE } from '../../../platform/watermark/cjk-font';
import { loadPdfLib } from '../../../platform/watermark/load-pdf-lib';

/**
 * Real PDF and DOCX files with Chinese text, for the extraction tests (DOC-8). Not used by the
 * API itself. pdf-lib cannot embed a .ttc, so the watermark's CJK font finder cuts out one face.
 */
export async function chinesePdf(lines: string[]): Promise<Buffer> {
  const cjk = findCjkFont();
  if (!cjk) throw new Error(MISSING_FONT_MESSAGE);
  const { PDFDocument, fontkit } = await loadPdfLib();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(cjk.bytes, { subset: true });
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 24 * i, size: 14, font }));
  return Buffer.from(await doc.save());
}

/** A DOCX (Office Open XML) with one paragraph per line, made by the `docx` package. */
export async function chineseDocx(lines: string[]): Promise<Buffer> {
  const { Document, Packer, Paragraph } = await import('docx');
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
