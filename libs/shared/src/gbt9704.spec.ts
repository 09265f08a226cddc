import { describe, expect, it } from 'vitest';
import { GBT9704_RULES, formatGbDate, lintOutgoing, lintPasses, yearOfGbDate, type LintableDraft, type LintStage } from './gbt9704.js';

/** A 下行文 通知 that breaks no rule, at either stage. */
const good = (): LintableDraft => ({
  docType: 'notice',
  direction: 'downward',
  copyNumber: null,
  secrecy: 'none',
  secrecyPeriod: null,
  urgency: 'normal',
  issuerMark: '某某市第一中学文件',
  number: '校办〔2026〕12号',
  signers: [],
  title: '关于做好2026年寒假安全工作的通知',
  mainRecipients: ['各处室', '各年级组'],
  body: '为确保师生度过一个平安的寒假，现就有关事项通知如下。',
  attachmentNote: null,
  attachmentNames: [],
  writtenOn: '2026-12-04',
  remark: null,
  ccRecipients: ['区教育局'],
  printingOrg: '某某市第一中学办公室',
  printedOn: '2026-12-05',
});

/** A 请示 that breaks no rule. */
const request = (): LintableDraft => ({
  ...good(),
  docType: 'request',
  direction: 'upward',
  title: '关于增设学生心理辅导室的请示',
  mainRecipients: ['区教育局'],
  ccRecipients: [],
  signers: ['张明'],
  remark: '联系人：王芳，电话：0571-88886666',
});

const rulesHit = (draft: LintableDraft, stage: LintStage = 'printing') => new Set(lintOutgoing(draft, stage).map((f) => f.rule));

/** Each rule: a draft that breaks it (and only its own finding matters), and one that passes. */
const CASES: Record<string, { breach: LintableDraft; pass: LintableDraft; stage?: LintStage }> = {
  'issuer-mark': { breach: { ...good(), issuerMark: ' ' }, pass: good() },
  'secrecy-level': {
    breach: { ...good(), secrecy: '内部' },
    pass: { ...good(), secrecy: 'secret', secrecyPeriod: '5年', copyNumber: '000001' },
  },
  'copy-number': {
    breach: { ...good(), secrecy: 'confidential', secrecyPeriod: '10年', copyNumber: '12' },
    pass: { ...good(), secrecy: 'confidential', secrecyPeriod: '10年', copyNumber: '000012' },
  },
  'secrecy-period': {
    breach: { ...good(), secrecy: 'top-secret', copyNumber: '000003', secrecyPeriod: null },
    pass: { ...good(), secrecy: 'top-secret', copyNumber: '000003', secrecyPeriod: '长期' },
  },
  urgency: { breach: { ...good(), urgency: '急件' }, pass: { ...good(), urgency: 'extra-urgent' } },
  'direction-type': { breach: { ...request(), direction: 'downward' }, pass: request() },
  'upward-signer': { breach: { ...request(), signers: [] }, pass: request() },
  'signer-name': { breach: { ...request(), signers: ['张明校长，'] }, pass: { ...request(), signers: ['张明', '李华'] } },
  'title-present': { breach: { ...good(), title: '' }, pass: good() },
  'title-punctuation': {
    breach: { ...good(), title: '关于做好寒假安全工作的通知。' },
    pass: { ...good(), title: '关于印发《学生安全管理办法》的通知' },
  },
  'title-doc-type': {
    breach: { ...good(), title: '关于做好寒假安全工作' },
    pass: { ...good(), docType: 'order', title: '某某市第一中学令' },
  },
  'main-recipient': {
    breach: { ...good(), mainRecipients: [] },
    pass: { ...good(), docType: 'announcement', title: '某某市第一中学公告', mainRecipients: [] },
  },
  'request-one-recipient': { breach: { ...request(), mainRecipients: ['区教育局', '区财政局'] }, pass: request() },
  'request-contact': {
    breach: { ...request(), remark: '联系人：王芳' },
    pass: { ...request(), remark: '联系人：王芳 联系电话：13812345678' },
  },
  'report-no-request': {
    breach: { ...request(), docType: 'report', title: '关于2026年安全工作的报告', body: '以上报告，妥否，请批示。' },
    pass: { ...request(), docType: 'report', title: '关于2026年安全工作的报告', body: '特此报告。' },
  },
  'attachment-note': {
    breach: { ...good(), attachmentNote: '附件：1. 告家长书\n3. 安全承诺书', attachmentNames: ['告家长书.docx', '安全承诺书.pdf'] },
    pass: { ...good(), attachmentNote: '附件：1. 告家长书\n2. 安全承诺书', attachmentNames: ['告家长书.docx', '安全承诺书.pdf'] },
  },
  'cc-not-main': { breach: { ...good(), ccRecipients: ['各处室'] }, pass: good() },
  'number-format': { breach: { ...good(), number: '校办〔2026〕第012号' }, pass: good() },
  'written-date': { breach: { ...good(), writtenOn: '2026年12月04日' }, pass: { ...good(), writtenOn: '2026年12月4日' } },
  'printing-elements': { breach: { ...good(), printingOrg: null }, pass: good() },
};

describe('GB/T 9704 lint', () => {
  it('DOC-7 every rule is named, labelled in both languages, and has a breach and a pass here', () => {
    const ids = GBT9704_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
    for (const rule of GBT9704_RULES) {
      expect(rule.label['zh-CN']).toBeTruthy();
      expect(rule.label.en).toBeTruthy();
      expect(rule.description['zh-CN']).toContain('（');
    }
  });

  it('DOC-7 the clean drafts break no rule', () => {
    expect(lintOutgoing(good(), 'printing')).toEqual([]);
    expect(lintOutgoing(request(), 'printing')).toEqual([]);
  });

  for (const rule of GBT9704_RULES) {
    it(`DOC-7 rule ${rule.id} flags its breach and passes the correct form`, () => {
      const { breach, pass, stage } = CASES[rule.id];
      const findings = lintOutgoing(breach, stage ?? 'printing').filter((f) => f.rule === rule.id);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.severity).toBe(rule.severity);
        expect(f.message).toBeTruthy();
        expect(f.field).toBeTruthy();
      }
      expect(rulesHit(pass, stage ?? 'printing').has(rule.id)).toBe(false);
    });
  }

  it('DOC-7 the number: hexagonal brackets, no 第, no zero padding, the year of the written date', () => {
    for (const number of [
      '校办[2026]12号',
      '校办（2026）12号',
      '校办〔2026〕012号',
      '校办〔2026〕第12号',
      '校办〔2026〕12',
      '校办〔26〕12号',
    ]) {
      expect([number, rulesHit({ ...good(), number }).has('number-format')]).toEqual([number, true]);
    }
    expect(rulesHit({ ...good(), number: '校办〔2025〕12号' }).has('number-format')).toBe(true);
    expect(rulesHit({ ...good(), number: '校党发〔2026〕1号' }).has('number-format')).toBe(false);
  });

  it('DOC-7 the elements that come later are required only before printing, not before 签发', () => {
    const early = { ...good(), number: null, writtenOn: null, printingOrg: null, printedOn: null };
    expect(lintPasses(lintOutgoing(early, 'signoff'))).toBe(true);
    expect(rulesHit(early, 'printing')).toEqual(new Set(['number-format', 'written-date', 'printing-elements']));
  });

  it('DOC-7 the attachment note matches the files: count, names, numbering, the 附件： lead', () => {
    const files = ['告家长书.docx', '安全承诺书.pdf'];
    const note = (attachmentNote: string | null, attachmentNames = files) =>
      lintOutgoing({ ...good(), attachmentNote, attachmentNames }, 'signoff');
    expect(note(null)).toEqual([expect.objectContaining({ rule: 'attachment-note', field: 'attachmentNote' })]);
    expect(note('附件：1. 告家长书', files)[0].message).toContain('实际附件2个');
    expect(note('附件：1. 告家长书\n2. 安全责任书')[0].message).toContain('安全责任书');
    expect(note('附：1. 告家长书\n2. 安全承诺书')[0].message).toContain('附件：');
    expect(note('附件：告家长书\n安全承诺书').length).toBeGreaterThan(0);
    expect(note('附件：告家长书', ['告家长书.pdf'])).toEqual([]);
    expect(note('附件：1. 告家长书', [])[0].message).toContain('实际附件0个');
  });

  it('DOC-7 dates in the standard form: full Arabic numerals, no zero padding', () => {
    expect(formatGbDate('2026-12-04')).toBe('2026年12月4日');
    expect(formatGbDate('2026-01-09')).toBe('2026年1月9日');
    expect(yearOfGbDate('2026年12月4日')).toBe(2026);
    expect(yearOfGbDate('2026-12-04')).toBe(2026);
    for (const bad of ['2026年12月04日', '二〇二六年十二月四日', '2026.12.4', '12月4日', '2026年2月30日'])
      expect([bad, yearOfGbDate(bad)]).toEqual([bad, null]);
  });

  it('DOC-7 warnings do not block; errors do', () => {
    const warned = lintOutgoing({ ...good(), title: '关于做好寒假安全工作' }, 'signoff');
    expect(warned.map((f) => f.severity)).toEqual(['warning']);
    expect(lintPasses(warned)).toBe(true);
    const failed = lintOutgoing({ ...good(), issuerMark: null, title: '寒假安排' }, 'signoff');
    expect(failed.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(lintPasses(failed)).toBe(false);
  });
});
