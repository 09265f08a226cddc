import { bigramsOf } from './search-terms';

describe('bigrams for Chinese substring search', () => {
  it('DOC-8 splits Chinese text into its character bigrams', () => {
    expect(bigramsOf('会议纪要')).toEqual(['会议', '纪要', '议纪'].sort());
  });

  it('DOC-8 joins several fields, lower-cases, and does not bridge whitespace or fields', () => {
    expect(bigramsOf('AB c', '收〔2026〕')).toEqual(['ab', '收〔', '〔2', '20', '02', '26', '6〕'].sort());
    expect(bigramsOf('一', null, undefined, '')).toEqual([]);
  });

  it('DOC-8 every substring of two or more characters has its bigrams in the text', () => {
    const text = '关于召开二〇二六年春季学期安全工作会议的通知';
    const all = new Set(bigramsOf(text));
    for (const term of ['会议', '安全工作', '春季学期']) expect(bigramsOf(term).every((g) => all.has(g))).toBe(true);
  });
});
