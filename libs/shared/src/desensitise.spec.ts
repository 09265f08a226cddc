import { describe, expect, it } from 'vitest';
import { applyMasking, isValidIdCardNumber, maskPersonName, scanSensitive, unresolvedFindings } from './desensitise';

/** Appends the GB 11643 check character, so the samples are built, not copied. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const today = new Date('2026-12-04T00:00:00Z');
const validIds = [
  '11010519491231002X', // the standard's own example
  withCheck('33010619900307441'),
  withCheck('44030420151130123'),
  withCheck('51010819851231987'),
  withCheck('21020420000229456'), // 29 February of a leap year
];
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const invalidIds = [
  ...validIds.map(wrongCheck),
  withCheck('21020420010229456'), // 29 February of a common year
  withCheck('33010619901307441'), // month 13
  withCheck('03010619900307441'), // region code starting 0
  withCheck('33010630270101441'), // born in the future
  withCheck('33010618890101441'), // before 1900
];
const validMobiles = ['13812345678', '+86 139 1234 5678', '186-0000-1111', '8615912345678', '199 8888 0000'];
const invalidMobiles = ['12812345678', '1381234567', '138123456789', '10012345678', '0571-88776655'];

describe('desensitisation (INF-2)', () => {
  it('INF-2 every valid ID number is accepted and no invalid one is', () => {
    for (const id of validIds) expect(isValidIdCardNumber(id, today), id).toBe(true);
    for (const id of invalidIds) expect(isValidIdCardNumber(id, today), id).toBe(false);
  });

  it('INF-2 a scan finds every valid ID and mobile number in running text and flags no invalid one', () => {
    const parts = [
      ...validIds.map((v) => `学生身份证号${v}，`),
      ...invalidIds.map((v) => `编号${v}。`),
      ...validMobiles.map((v) => `联系电话：${v}；`),
      ...invalidMobiles.map((v) => `号码 ${v} `),
    ];
    const text = parts.join('');
    const findings = scanSensitive(text, { today });
    expect(findings.filter((f) => f.kind === 'idCard').map((f) => f.text)).toEqual(validIds);
    expect(findings.filter((f) => f.kind === 'mobile').map((f) => f.text)).toEqual(validMobiles);
    expect(findings).toHaveLength(validIds.length + validMobiles.length);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('INF-2 emails and listed names are found; single-character names are ignored', () => {
    const text = '请张三、欧阳小明同学于周五前联系 office.head@school.edu.cn 或王。';
    const findings = scanSensitive(text, { names: ['张三', '欧阳小明', '王', '李四'] });
    expect(findings.map((f) => [f.kind, f.text, f.masked])).toEqual([
      ['name', '张三', '张*'],
      ['name', '欧阳小明', '欧阳**'],
      ['email', 'office.head@school.edu.cn', 'o***@school.edu.cn'],
    ]);
  });

  it('INF-2 a mobile number used as an email address is one finding, the email', () => {
    const findings = scanSensitive('回执请发至 13812345678@qq.com。');
    expect(findings.map((f) => [f.kind, f.text])).toEqual([['email', '13812345678@qq.com']]);
  });

  it('INF-2 masking replaces only what the author chose; a keep without a reason stays unresolved', () => {
    const text = '班主任 13812345678，家长 13912345678，学生 张三。';
    const findings = scanSensitive(text, { names: ['张三'] });
    const [teacher, parent, student] = findings;
    const decisions = [
      { key: teacher.key, action: 'keep' as const, reason: '班主任工作电话，可公开' },
      { key: parent.key, action: 'mask' as const },
    ];
    expect(unresolvedFindings(findings, decisions).map((f) => f.text)).toEqual([student.text]);
    expect(unresolvedFindings(findings, [...decisions, { key: student.key, action: 'keep', reason: ' ' }])).toHaveLength(1);
    const all = [...decisions, { key: student.key, action: 'mask' as const }];
    expect(unresolvedFindings(findings, all)).toEqual([]);
    const masked = applyMasking(text, findings, all);
    expect(masked).toBe('班主任 13812345678，家长 139****5678，学生 张*。');
    // Kept findings keep their key after masking elsewhere, so the decision still covers them.
    expect(unresolvedFindings(scanSensitive(masked, { names: ['张三'] }), all)).toEqual([]);
  });

  it('INF-2 names are masked keeping the family name', () => {
    expect(maskPersonName('李雷')).toBe('李*');
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('司马相如')).toBe('司马**');
  });
});
