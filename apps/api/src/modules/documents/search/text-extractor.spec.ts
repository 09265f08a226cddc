import { chineseDocx, chinesePdf } from './sample-files';
import { DOCX, extractText, normalise, PDF } from './text-extractor';

describe('DOC-8 body text extraction', () => {
  it('DOC-8: reads the Chinese text of a real PDF', async () => {
    const pdf = await chinesePdf(['关于开展校园消防演练的通知', '各部门：定于下周三举行棂星演练。']);
    const text = await extractText(pdf, PDF);
    expect(text).toContain('关于开展校园消防演练的通知');
    expect(text).toContain('棂星');
  }, 30_000);

  it('DOC-8: reads the Chinese text of a real DOCX', async () => {
    const docx = await chineseDocx(['会议纪要', '讨论棂星门修缮事宜。']);
    const text = await extractText(docx, DOCX);
    expect(text).toContain('会议纪要');
    expect(text).toContain('棂星门修缮');
  }, 30_000);

  it('DOC-8: a broken file is an error, not a hang', async () => {
    await expect(extractText(Buffer.from('not a pdf'), PDF)).rejects.toThrow();
    await expect(extractText(Buffer.from('not a zip'), DOCX)).rejects.toThrow();
  }, 30_000);

  it('DOC-8: breaks between Chinese characters are dropped, between words kept', () => {
    expect(normalise('会 议\n纪要 2026 年 plan B')).toBe('会议纪要 2026 年 plan B');
  });
});
