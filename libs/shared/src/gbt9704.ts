/**
 * GB/T 9704-2012 《党政机关公文格式》 and 《党政机关公文处理工作条例》: the rules on a document's
 * elements that can be checked from its data, each named, as pure functions. The API lints a
 * draft before 签发 (errors refuse it) and again before 印制 (the elements that come later:
 * 发文字号, 成文日期, 印发机关和印发日期); the panel lists the rules and shows the findings.
 */
import type { DocumentType } from './documents.js';
import { DOCUMENT_TYPE_LABELS } from './documents.js';
import { isClassified } from './secrecy.js';
import type { OutgoingDirection } from './outgoing.js';

type Label = { 'zh-CN': string; en: string };

/** The draft as the lint sees it: the elements of GB/T 9704 (第7章), in plain data. */
export interface LintableDraft {
  docType: DocumentType;
  direction: OutgoingDirection;
  /** 份号 */
  copyNumber: string | null;
  /** 密级: none (非密), secret (秘密), confidential (机密), top-secret (绝密). */
  secrecy: string;
  /** 保密期限, e.g. 10年 */
  secrecyPeriod: string | null;
  /** 紧急程度: extra-urgent (特急), urgent (加急) or normal. */
  urgency: string;
  /** 发文机关标志, e.g. 某某市第一中学文件 */
  issuerMark: string | null;
  /** 发文字号, once registered. */
  number: string | null;
  /** 签发人 names. */
  signers: string[];
  title: string;
  /** 主送机关 */
  mainRecipients: string[];
  body: string | null;
  /** 附件说明, e.g. 附件：1. 名称 */
  attachmentNote: string | null;
  /** The names of the attached files (附件). */
  attachmentNames: string[];
  /** 成文日期: YYYY-MM-DD as stored, or its written form 2026年12月4日. */
  writtenOn: string | null;
  /** 附注 */
  remark: string | null;
  /** 抄送机关 */
  ccRecipients: string[];
  /** 印发机关 */
  printingOrg: string | null;
  /** 印发日期: YYYY-MM-DD or 2026年12月4日. */
  printedOn: string | null;
}

/** `signoff`: before 签发; `printing`: before 印制, when the number, dates and 印发 details must be there too. */
export type LintStage = 'signoff' | 'printing';

export interface LintFinding {
  rule: string;
  /** The draft's field the finding is about, as the API's DTOs name it. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface Gbt9704Rule {
  id: string;
  label: Label;
  /** What the rule checks, with its source. */
  description: Label;
  severity: 'error' | 'warning';
  check: (draft: LintableDraft, stage: LintStage) => Omit<LintFinding, 'rule' | 'severity'>[];
}

const CLASSIFIED = ['secret', 'confidential', 'top-secret'];
const blank = (text: string | null | undefined) => !text || text.trim() === '';
const names = (list: string[]) => list.map((n) => n.trim()).filter(Boolean);

/** 2026年12月4日: a date in GB/T 9704's form (7.3.5.1: 阿拉伯数字将年、月、日标全，月、日不编虚位). */
export function formatGbDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The year of a date given as stored (YYYY-MM-DD) or in the standard's form; null when the text is
 * neither, e.g. 2026年12月04日 (zero padding), 二〇二六年十二月四日, 2026.12.4 or 12月4日.
 */
export function yearOfGbDate(text: string): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const gb = /^(\d{4})年([1-9]\d?)月([1-9]\d?)日$/.exec(text.trim());
  const match = iso ?? gb;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return realDate(year, month, day) ? year : null;
}

const NUMBER_PATTERN = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/;

/** Types that are 普发 to the public or record a meeting, and so name no 主送机关. */
export const TYPES_WITHOUT_MAIN_RECIPIENT: readonly DocumentType[] = [
  'announcement',
  'public-notice',
  'minutes',
  'communique',
  'order',
  'resolution',
];

/** 上行文 by nature (请示, 报告) and 下行文 by nature (批复). */
const UPWARD_TYPES: readonly DocumentType[] = ['request', 'report'];
const DOWNWARD_TYPES: readonly DocumentType[] = ['reply'];

/** The names a title may end with for each type, e.g. …的通知. */
const TYPE_ENDINGS: Record<DocumentType, string[]> = Object.fromEntries(
  Object.entries(DOCUMENT_TYPE_LABELS).map(([type, label]) => [type, type === 'order' ? ['命令', '令'] : [label['zh-CN']]]),
) as Record<DocumentType, string[]>;

/** A title may end with a closing 书名号 or parenthesis (e.g. 《…办法》, （试行）); no other punctuation. */
const TITLE_BAD_ENDING = /[。，、；：？！.,;:?!…—\-"'“”‘’]$/;

/** 附件：1. 名称 / 2. 名称, or 附件：名称 for a single one (GB/T 9704 7.3.4). */
function parseAttachmentNote(note: string): { names: string[]; problems: string[] } | null {
  const text = note.trim();
  const match = /^附件：([\s\S]*)$/.exec(text);
  if (!match) return null;
  const lines = match[1]
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const found: string[] = [];
  if (lines.length === 1 && !/^\d+[.．]/.test(lines[0])) return { names: [lines[0]], problems };
  lines.forEach((line, i) => {
    const numbered = /^(\d+)\.\s*(.+)$/.exec(line);
    if (!numbered) {
      problems.push(`第${i + 1}行应以“${i + 1}. ”编号`);
      found.push(line);
      return;
    }
    if (Number(numbered[1]) !== i + 1) problems.push(`附件序号应为${i + 1}，而非${numbered[1]}`);
    found.push(numbered[2].trim());
  });
  return { names: found, problems };
}

const stripExtension = (name: string) => name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
const stripTrailingPunctuation = (name: string) => name.replace(/[。；;，,]+$/, '').trim();

/** A phone number: 11-digit mobile, or an area code and number, or an 8-digit local one. */
const PHONE = /(1[3-9]\d{9})|(0\d{2,3}[-—－]?\d{7,8})|(\b\d{7,8}\b)/;

export const GBT9704_RULES: readonly Gbt9704Rule[] = [
  {
    id: 'issuer-mark',
    label: { 'zh-CN': '发文机关标志', en: 'Issuing authority mark' },
    description: {
      'zh-CN': '版头须有发文机关标志（GB/T 9704 7.2.3）。',
      en: 'The header carries the issuing authority mark (GB/T 9704 7.2.3).',
    },
    severity: 'error',
    check: (d) => (blank(d.issuerMark) ? [{ field: 'issuerMark', message: '缺少发文机关标志' }] : []),
  },
  {
    id: 'secrecy-level',
    label: { 'zh-CN': '密级', en: 'Secrecy level' },
    description: {
      'zh-CN': '密级只能是“绝密”“机密”“秘密”，或非密不标注（GB/T 9704 7.2.2）。',
      en: 'The secrecy level is 绝密, 机密 or 秘密, or none (GB/T 9704 7.2.2).',
    },
    severity: 'error',
    check: (d) =>
      d.secrecy === 'none' || CLASSIFIED.includes(d.secrecy)
        ? []
        : [{ field: 'secrecy', message: `密级“${d.secrecy}”不是秘密、机密或绝密` }],
  },
  {
    id: 'copy-number',
    label: { 'zh-CN': '份号', en: 'Copy number' },
    description: {
      'zh-CN': '涉密公文应标注份号，份号用6位3号阿拉伯数字（GB/T 9704 7.2.1）。',
      en: 'A classified document carries a copy number of 6 Arabic digits (GB/T 9704 7.2.1).',
    },
    severity: 'error',
    check: (d) => {
      if (blank(d.copyNumber)) return isClassified(d.secrecy) ? [{ field: 'copyNumber', message: '涉密公文须标注份号' }] : [];
      return /^\d{6}$/.test(d.copyNumber!.trim())
        ? []
        : [{ field: 'copyNumber', message: `份号“${d.copyNumber}”应为6位阿拉伯数字，如000012` }];
    },
  },
  {
    id: 'secrecy-period',
    label: { 'zh-CN': '保密期限', en: 'Secrecy period' },
    description: {
      'zh-CN': '涉密公文应标注密级和保密期限，中间用“★”隔开；非密公文不标保密期限（GB/T 9704 7.2.2）。',
      en: 'A classified document states its secrecy period after the level; an unclassified one has none (GB/T 9704 7.2.2).',
    },
    severity: 'error',
    check: (d) => {
      if (isClassified(d.secrecy) && blank(d.secrecyPeriod)) return [{ field: 'secrecyPeriod', message: '涉密公文须标注保密期限' }];
      if (!isClassified(d.secrecy) && !blank(d.secrecyPeriod)) return [{ field: 'secrecyPeriod', message: '非密公文不标注保密期限' }];
      if (!blank(d.secrecyPeriod) && !/^(\d+|[一二三四五六七八九十]+)(年|个月)$|^长期$/.test(d.secrecyPeriod!.trim())) {
        return [{ field: 'secrecyPeriod', message: `保密期限“${d.secrecyPeriod}”应写作如“10年”“6个月”或“长期”` }];
      }
      return [];
    },
  },
  {
    id: 'urgency',
    label: { 'zh-CN': '紧急程度', en: 'Urgency' },
    description: {
      'zh-CN': '紧急公文分别标注“特急”“加急”，其他不标注（GB/T 9704 7.2.2）。',
      en: 'Urgency is 特急 or 加急, or not marked (GB/T 9704 7.2.2).',
    },
    severity: 'error',
    check: (d) =>
      ['extra-urgent', 'urgent', 'normal'].includes(d.urgency)
        ? []
        : [{ field: 'urgency', message: `紧急程度只能标注特急或加急：“${d.urgency}”` }],
  },
  {
    id: 'direction-type',
    label: { 'zh-CN': '行文方向与文种', en: 'Direction and type' },
    description: {
      'zh-CN': '请示、报告是上行文；批复是下行文（《条例》第八条）。',
      en: 'A request or report goes upward; a reply goes downward (Regulations, art. 8).',
    },
    severity: 'error',
    check: (d) => {
      if (UPWARD_TYPES.includes(d.docType) && d.direction !== 'upward') {
        return [{ field: 'direction', message: `${DOCUMENT_TYPE_LABELS[d.docType]['zh-CN']}是上行文` }];
      }
      if (DOWNWARD_TYPES.includes(d.docType) && d.direction !== 'downward') return [{ field: 'direction', message: '批复是下行文' }];
      return [];
    },
  },
  {
    id: 'upward-signer',
    label: { 'zh-CN': '上行文签发人', en: 'Signer of an upward document' },
    description: {
      'zh-CN': '上行文应标注签发人姓名（GB/T 9704 7.2.5）。',
      en: 'A document to a superior names its signer (GB/T 9704 7.2.5).',
    },
    severity: 'error',
    check: (d) => (d.direction === 'upward' && names(d.signers).length === 0 ? [{ field: 'signers', message: '上行文须标注签发人' }] : []),
  },
  {
    id: 'signer-name',
    label: { 'zh-CN': '签发人姓名', en: 'Signer names' },
    description: {
      'zh-CN': '签发人为姓名，不含职务、标点或数字；多个签发人逐一列出（GB/T 9704 7.2.5）。',
      en: 'Signers are given by name only, without titles, punctuation or digits (GB/T 9704 7.2.5).',
    },
    severity: 'error',
    check: (d) =>
      d.signers
        .filter((n) => n.trim() === '' || /[\d\s,，、;；:：.。]/.test(n.trim()) || n.trim().length > 10)
        .map((n) => ({ field: 'signers', message: `签发人“${n}”应只写姓名` })),
  },
  {
    id: 'title-present',
    label: { 'zh-CN': '标题', en: 'Title' },
    description: { 'zh-CN': '公文须有标题（GB/T 9704 7.3.1）。', en: 'A document has a title (GB/T 9704 7.3.1).' },
    severity: 'error',
    check: (d) => (blank(d.title) ? [{ field: 'title', message: '缺少标题' }] : []),
  },
  {
    id: 'title-punctuation',
    label: { 'zh-CN': '标题标点', en: 'Title punctuation' },
    description: {
      'zh-CN': '标题末尾不加标点；除书名号、括号外一般不用标点（GB/T 9704 7.3.1）。',
      en: 'A title ends without punctuation (only a closing 》 or ） may end it) (GB/T 9704 7.3.1).',
    },
    severity: 'error',
    check: (d) => (!blank(d.title) && TITLE_BAD_ENDING.test(d.title.trim()) ? [{ field: 'title', message: '标题末尾不应有标点' }] : []),
  },
  {
    id: 'title-doc-type',
    label: { 'zh-CN': '标题文种', en: 'Type in the title' },
    description: {
      'zh-CN': '标题由发文机关名称、事由和文种组成，以文种结尾，如“关于……的通知”（《条例》第九条）。',
      en: 'A title names the matter and ends with the document type, e.g. 关于……的通知 (Regulations, art. 9).',
    },
    severity: 'warning',
    check: (d) => {
      if (blank(d.title)) return [];
      const title = d.title.trim().replace(/[（(][^）)]*[）)]$/, '');
      return TYPE_ENDINGS[d.docType].some((ending) => title.endsWith(ending))
        ? []
        : [{ field: 'title', message: `标题应以文种“${TYPE_ENDINGS[d.docType][0]}”结尾` }];
    },
  },
  {
    id: 'main-recipient',
    label: { 'zh-CN': '主送机关', en: 'Main recipients' },
    description: {
      'zh-CN': '除公告、通告、纪要、公报、命令、决议等普发性公文外，应标注主送机关（GB/T 9704 7.3.2）。',
      en: 'A document names its main recipients, except announcements, public notices, minutes and the like (GB/T 9704 7.3.2).',
    },
    severity: 'error',
    check: (d) =>
      !TYPES_WITHOUT_MAIN_RECIPIENT.includes(d.docType) && names(d.mainRecipients).length === 0
        ? [{ field: 'mainRecipients', message: `${DOCUMENT_TYPE_LABELS[d.docType]['zh-CN']}须标注主送机关` }]
        : [],
  },
  {
    id: 'request-one-recipient',
    label: { 'zh-CN': '请示主送一个机关', en: 'A request to one superior' },
    description: {
      'zh-CN': '请示应当一文一事，一般只写一个主送机关（《条例》第十五条）。',
      en: 'A request deals with one matter and goes to one superior (Regulations, art. 15).',
    },
    severity: 'error',
    check: (d) =>
      d.docType === 'request' && names(d.mainRecipients).length > 1
        ? [{ field: 'mainRecipients', message: '请示只能主送一个上级机关' }]
        : [],
  },
  {
    id: 'request-contact',
    label: { 'zh-CN': '请示附注联系人', en: 'Contact on a request' },
    description: {
      'zh-CN': '请示应当在附注处注明联系人和联系电话（GB/T 9704 7.3.6、《条例》第九条）。',
      en: 'A request gives a contact person and telephone number in its note (GB/T 9704 7.3.6).',
    },
    severity: 'error',
    check: (d) => {
      if (d.docType !== 'request') return [];
      const remark = d.remark ?? '';
      return remark.includes('联系人') && PHONE.test(remark) ? [] : [{ field: 'remark', message: '请示须在附注注明联系人和联系电话' }];
    },
  },
  {
    id: 'report-no-request',
    label: { 'zh-CN': '报告不夹带请示', en: 'No request inside a report' },
    description: {
      'zh-CN': '报告中不得夹带请示事项（《条例》第十五条）。',
      en: 'A report carries no request for instructions (Regulations, art. 15).',
    },
    severity: 'error',
    check: (d) =>
      d.docType === 'report' && /请批示|请审批|妥否|请予批准|请批准|请批复/.test(d.body ?? '')
        ? [{ field: 'body', message: '报告中不得夹带请示事项' }]
        : [],
  },
  {
    id: 'attachment-note',
    label: { 'zh-CN': '附件说明', en: 'Attachment note' },
    description: {
      'zh-CN': '有附件的，在正文下标注“附件：”及附件名称，多个附件用“1. ”“2. ”标注顺序号；附件说明应与所附附件一致（GB/T 9704 7.3.4）。',
      en: 'With attachments, the note reads 附件： with their names, numbered 1. 2. when several, and matches the files (GB/T 9704 7.3.4).',
    },
    severity: 'error',
    check: (d) => {
      const files = d.attachmentNames.map(stripExtension);
      if (blank(d.attachmentNote)) {
        return files.length ? [{ field: 'attachmentNote', message: `有${files.length}个附件，须在正文下作附件说明` }] : [];
      }
      const parsed = parseAttachmentNote(d.attachmentNote!);
      if (!parsed) return [{ field: 'attachmentNote', message: '附件说明应以“附件：”开头' }];
      const found = parsed.problems.map((message) => ({ field: 'attachmentNote', message }));
      const listed = parsed.names.map(stripTrailingPunctuation);
      if (listed.length !== files.length) {
        found.push({ field: 'attachmentNote', message: `附件说明列出${listed.length}个附件，实际附件${files.length}个` });
      } else {
        listed.forEach((name, i) => {
          if (name !== files[i]) found.push({ field: 'attachmentNote', message: `第${i + 1}个附件名称“${name}”与附件“${files[i]}”不一致` });
        });
      }
      return found;
    },
  },
  {
    id: 'cc-not-main',
    label: { 'zh-CN': '抄送不含主送', en: 'Copies exclude main recipients' },
    description: {
      'zh-CN': '抄送机关为主送机关以外需要执行或者知晓公文内容的机关，不与主送重复（GB/T 9704 7.4.2）。',
      en: 'Copied recipients are those other than the main recipients (GB/T 9704 7.4.2).',
    },
    severity: 'error',
    check: (d) => {
      const main = new Set(names(d.mainRecipients));
      return names(d.ccRecipients)
        .filter((n) => main.has(n))
        .map((n) => ({ field: 'ccRecipients', message: `“${n}”已是主送机关，不应再抄送` }));
    },
  },
  {
    id: 'number-format',
    label: { 'zh-CN': '发文字号', en: 'Document number' },
    description: {
      'zh-CN':
        '发文字号由机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”括入，序号不编虚位、不加“第”字，如“校办〔2026〕12号”；年份与成文日期一致（GB/T 9704 7.2.4）。',
      en: 'The number reads 代字〔YYYY〕N号: hexagonal brackets, no zero padding, no 第, the year of the written date (GB/T 9704 7.2.4).',
    },
    severity: 'error',
    check: (d, stage) => {
      if (blank(d.number)) return stage === 'printing' ? [{ field: 'number', message: '印制前须有发文字号' }] : [];
      const match = NUMBER_PATTERN.exec(d.number!.trim());
      if (!match || match[1].endsWith('第')) {
        return [{ field: 'number', message: `发文字号“${d.number}”应为“代字〔年份〕序号号”，如“校办〔2026〕12号”` }];
      }
      const year = d.writtenOn ? yearOfGbDate(d.writtenOn) : null;
      return year !== null && year !== Number(match[2])
        ? [{ field: 'number', message: `发文字号的年份${match[2]}与成文日期的年份${year}不一致` }]
        : [];
    },
  },
  {
    id: 'written-date',
    label: { 'zh-CN': '成文日期', en: 'Written date' },
    description: {
      'zh-CN': '成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位，如“2026年12月4日”；印制前须有成文日期（GB/T 9704 7.3.5）。',
      en: 'The written date gives year, month and day in Arabic numerals without zero padding, e.g. 2026年12月4日; required before printing (GB/T 9704 7.3.5).',
    },
    severity: 'error',
    check: (d, stage) => {
      if (blank(d.writtenOn)) return stage === 'printing' ? [{ field: 'writtenOn', message: '印制前须有成文日期' }] : [];
      return yearOfGbDate(d.writtenOn!) === null
        ? [{ field: 'writtenOn', message: `成文日期“${d.writtenOn}”应写作如“2026年12月4日”` }]
        : [];
    },
  },
  {
    id: 'printing-elements',
    label: { 'zh-CN': '印发机关和印发日期', en: 'Printing authority and date' },
    description: {
      'zh-CN': '版记应有印发机关和印发日期，印发日期用阿拉伯数字标全年、月、日（GB/T 9704 7.4.3）。',
      en: 'The imprint gives the printing authority and the printing date in full Arabic numerals (GB/T 9704 7.4.3).',
    },
    severity: 'error',
    check: (d, stage) => {
      const found: Omit<LintFinding, 'rule' | 'severity'>[] = [];
      if (stage === 'printing' && blank(d.printingOrg)) found.push({ field: 'printingOrg', message: '缺少印发机关' });
      if (blank(d.printedOn)) {
        if (stage === 'printing') found.push({ field: 'printedOn', message: '缺少印发日期' });
      } else if (yearOfGbDate(d.printedOn!) === null) {
        found.push({ field: 'printedOn', message: `印发日期“${d.printedOn}”应写作如“2026年12月4日”` });
      }
      return found;
    },
  },
];

/** The findings of every rule on a draft at a stage: errors first. */
export function lintOutgoing(draft: LintableDraft, stage: LintStage = 'signoff'): LintFinding[] {
  const findings = GBT9704_RULES.flatMap((rule) => rule.check(draft, stage).map((f) => ({ rule: rule.id, severity: rule.severity, ...f })));
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}

/** True when the findings allow the step (warnings do). */
export const lintPasses = (findings: LintFinding[]): boolean => findings.every((f) => f.severity !== 'error');
