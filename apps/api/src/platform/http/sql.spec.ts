import { caseInsensitiveLike, escapeLike } from './sql';

describe('caseInsensitiveLike', () => {
  it('DOC-8 a term of Chinese characters, digits and punctuation is matched with LIKE', () => {
    for (const term of ['会议', '校办〔2026〕12号', '（第２期）', '关于 通知', '50%'])
      expect({ term, op: caseInsensitiveLike(term) }).toEqual({ term, op: 'LIKE' });
  });

  it('DOC-8 a term with a letter that has case is matched with ILIKE', () => {
    for (const term of ['steam', 'STEAM课程', 'Ⅳ号', 'Ⓐ']) expect({ term, op: caseInsensitiveLike(term) }).toEqual({ term, op: 'ILIKE' });
  });
});

describe('escapeLike', () => {
  it('DOC-8 escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_\\')).toBe('50\\%\\_\\\\');
  });
});
