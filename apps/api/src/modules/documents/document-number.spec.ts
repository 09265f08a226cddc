import { formatIncomingNumber, formatOutgoingNumber, parseIncomingNumber, parseOutgoingNumber } from './document-number';

describe('document numbers (GB/T 9704-2012)', () => {
  it('DOC-1 formats the internal incoming number as 收〔YYYY〕NNNN, padded to four digits', () => {
    expect(formatIncomingNumber(2026, 1)).toBe('收〔2026〕0001');
    expect(formatIncomingNumber(2026, 123)).toBe('收〔2026〕0123');
    expect(formatIncomingNumber(2026, 12345)).toBe('收〔2026〕12345');
  });

  it('DOC-1 refuses a sequence below 1 and a year without four digits', () => {
    expect(() => formatIncomingNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatIncomingNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => formatIncomingNumber(26, 1)).toThrow(RangeError);
  });

  it('DOC-1 parses an incoming number back, and nothing else', () => {
    expect(parseIncomingNumber('收〔2026〕0042')).toEqual({ year: 2026, seq: 42 });
    expect(parseIncomingNumber(formatIncomingNumber(2027, 10001))).toEqual({ year: 2027, seq: 10001 });
    expect(parseIncomingNumber('收[2026]0042')).toBeNull();
    expect(parseIncomingNumber('收(2026)0042')).toBeNull();
    expect(parseIncomingNumber('收〔2026〕42')).toBeNull();
    expect(parseIncomingNumber('收〔2026〕0000')).toBeNull();
  });

  it('DOC-7 formats an outgoing number as 代字〔YYYY〕N号: hexagonal brackets, no 第, no padding', () => {
    expect(formatOutgoingNumber('校办', 2026, 12)).toBe('校办〔2026〕12号');
    expect(formatOutgoingNumber('校办', 2026, 1)).toBe('校办〔2026〕1号');
    expect(() => formatOutgoingNumber('', 2026, 1)).toThrow(RangeError);
    expect(() => formatOutgoingNumber('校〔办', 2026, 1)).toThrow(RangeError);
  });

  it('DOC-7 parses only outgoing numbers in the standard form', () => {
    expect(parseOutgoingNumber('校办〔2026〕12号')).toEqual({ code: '校办', year: 2026, seq: 12 });
    expect(parseOutgoingNumber('校办〔2026〕012号')).toBeNull();
    expect(parseOutgoingNumber('校办〔2026〕第12号')).toBeNull();
    expect(parseOutgoingNumber('校办[2026]12号')).toBeNull();
    expect(parseOutgoingNumber('校办（2026）12号')).toBeNull();
    expect(parseOutgoingNumber('校办〔2026〕12')).toBeNull();
  });
});
