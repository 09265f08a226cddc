import sharp from 'sharp';
import { extractPdfText, samplePdf } from '../../../test/factories/files.factory';
import { loadConfig } from '../../config/config';
import { extractFace, findCjkFont } from './cjk-font';
import { WatermarkService } from './watermark.service';

describe('watermarks (unit)', () => {
  const service = new WatermarkService(loadConfig({ TZ_SCHOOL: 'Asia/Shanghai' }));
  const mark = { viewer: '欧阳晓燕', at: new Date('2026-03-02T01:05:00Z') };

  beforeAll(() => {
    service.onModuleInit();
    if (!findCjkFont()) throw new Error('These tests need a CJK font: apt-get install -y fonts-wqy-microhei');
  });

  it('PLT-5 the text extracted from a watermarked PDF names the viewer, in Chinese, with the school-time', async () => {
    const pdf = await samplePdf('Minutes of the principal office meeting');
    const marked = await service.apply(pdf, 'application/pdf', mark);
    const text = await extractPdfText(marked);
    expect(text).toContain('Minutes of the principal office meeting');
    expect(text).toContain('欧阳晓燕 2026-03-02 09:05');
    expect(text).toContain('查看人');
  });

  it('PLT-5 an image gets the viewer and time drawn into its pixels, in its own format and size', async () => {
    const white = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const marked = await service.apply(white, 'image/jpeg', mark);
    const meta = await sharp(marked).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'jpeg', width: 640, height: 480 });
    const { channels } = await sharp(marked).stats();
    // A blank white page now has darker (grey) pixels across it.
    expect(channels[0].min).toBeLessThan(200);
    const tiny = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#336699ff' } })
      .png()
      .toBuffer();
    expect((await sharp(await service.apply(tiny, 'image/png', mark)).metadata()).width).toBe(40);
  });

  it('PLT-5 a damaged PDF is refused with 422 rather than served unmarked', async () => {
    await expect(service.apply(Buffer.from('%PDF-1.7 broken'), 'application/pdf', mark)).rejects.toMatchObject({ status: 422 });
  });

  it('extractFace returns a plain font as it is and cuts one face out of a collection', () => {
    const plain = Buffer.from([0, 1, 0, 0, 0, 0]);
    expect(extractFace(plain, 0)).toBe(plain);
    const font = findCjkFont()!;
    expect(font.bytes.toString('latin1', 0, 4)).not.toBe('ttcf');
  });
});
