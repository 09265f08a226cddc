import { HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiError } from '../http/api-error';
import { findCjkFont, MISSING_FONT_MESSAGE, type CjkFont } from './cjk-font';
import { loadPdfLib } from './load-pdf-lib';

/** Who is looking, and when: what a watermark says. */
export interface WatermarkMark {
  viewer: string;
  at: Date;
}

const IMAGE_FORMATS: Record<string, 'jpeg' | 'png' | 'webp' | 'gif'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export const WATERMARK_FAILED = 'WATERMARK_FAILED';

/** sharp (libvips) costs about 19 MB of RSS once loaded (NFR-9): only image downloads need it. */
const loadSharp = async () => (await import('sharp')).default;

const failed = (message: string) => new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, WATERMARK_FAILED, message);

/**
 * Watermarks for every module (PLT-5): a PDF gets the viewer's name and the time as real text on
 * every page (so it can be extracted back, and traced), an image gets them drawn into its pixels.
 * Chinese needs a CJK font, found once at start-up.
 */
@Injectable()
export class WatermarkService implements OnModuleInit {
  private readonly logger = new Logger('Watermark');
  private font: CjkFont | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.font = findCjkFont();
    if (this.font) this.logger.log(`Watermark font: ${this.font.family} (${this.font.path})`);
    else this.logger.warn(MISSING_FONT_MESSAGE);
  }

  /** Whether files of this content type can be watermarked. */
  supports(contentType: string): boolean {
    return contentType === 'application/pdf' || contentType in IMAGE_FORMATS;
  }

  /** The line a watermark carries: the viewer and the time in the school's time zone. */
  text(mark: WatermarkMark): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: this.config.schoolTimeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(mark.at)
        .map((p) => [p.type, p.value]),
    );
    return `${mark.viewer} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  }

  /** The file marked for its viewer; 422 when it cannot be (damaged or password-protected). */
  async apply(bytes: Buffer, contentType: string, mark: WatermarkMark): Promise<Buffer> {
    if (contentType === 'application/pdf') return this.pdf(bytes, mark);
    if (contentType in IMAGE_FORMATS) return this.image(bytes, IMAGE_FORMATS[contentType], mark);
    throw failed(`Files of type ${contentType} cannot be watermarked`);
  }

  async pdf(bytes: Buffer, mark: WatermarkMark): Promise<Buffer> {
    const font = this.requireFont();
    try {
      return await this.markPdf(bytes, font, this.text(mark));
    } catch (error) {
      // pdf-lib fails late on a damaged file (when it walks the pages), so everything is caught here.
      throw failed(`The PDF cannot be watermarked: ${(error as Error).message}`);
    }
  }

  private async markPdf(bytes: Buffer, font: CjkFont, line: string): Promise<Buffer> {
    const { degrees, fontkit, PDFDocument, rgb } = await loadPdfLib();
    const doc = await PDFDocument.load(bytes);
    doc.registerFontkit(fontkit);
    const embedded = await doc.embedFont(font.bytes, { subset: true });
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      const size = Math.max(10, Math.min(width, height) / 28);
      const step = embedded.widthOfTextAtSize(line, size) + size * 4;
      // A diagonal grid across the page, faint enough to read through…
      for (let y = -height; y < height * 1.5; y += size * 7) {
        for (let x = -width / 2; x < width; x += step) {
          page.drawText(line, { x, y, size, font: embedded, color: rgb(0.5, 0.5, 0.5), opacity: 0.12, rotate: degrees(30) });
        }
      }
      // …and one plain line at the foot, the one a reader quotes.
      page.drawText(`查看人：${line}`, { x: size, y: size / 2, size: size * 0.6, font: embedded, color: rgb(0.4, 0.4, 0.4), opacity: 0.6 });
    }
    return Buffer.from(await doc.save());
  }

  async image(bytes: Buffer, format: 'jpeg' | 'png' | 'webp' | 'gif', mark: WatermarkMark): Promise<Buffer> {
    const font = this.requireFont();
    const sharp = await loadSharp();
    let width: number;
    let height: number;
    let upright: Buffer;
    try {
      upright = await sharp(bytes).rotate().toBuffer(); // apply EXIF orientation, so the mark reads upright
      ({ width, height } = await sharp(upright).metadata());
    } catch (error) {
      throw failed(`The image cannot be watermarked: ${(error as Error).message}`);
    }
    const size = Math.max(10, Math.round(Math.min(width, height) / 24));
    const escaped = this.text(mark).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const label = await sharp({
      text: {
        text: `<span foreground="#808080" alpha="45%">${escaped}</span>`,
        font: `${font.family} ${size}`,
        fontfile: font.path,
        rgba: true,
        dpi: 72,
      },
    })
      .extend({ top: size * 2, bottom: size * 2, left: size * 2, right: size * 2, background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .rotate(-30, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    // A tile larger than the image would be refused by composite: shrink it to fit.
    const tile = await sharp(label).resize({ width, height, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
    const marked = sharp(upright).composite([{ input: tile, tile: true, blend: 'over' }]);
    if (format === 'jpeg') return marked.jpeg({ quality: 90 }).toBuffer();
    if (format === 'webp') return marked.webp().toBuffer();
    if (format === 'gif') return marked.gif().toBuffer();
    return marked.png().toBuffer();
  }

  private requireFont(): CjkFont {
    if (!this.font) throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, WATERMARK_FAILED, MISSING_FONT_MESSAGE);
    return this.font;
  }
}
