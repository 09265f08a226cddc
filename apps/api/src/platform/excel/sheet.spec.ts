import { cellValue, type SheetColumn } from './sheet';
import { cellText } from './workbook-import';

interface Row {
  name: string;
  at: string;
  active: boolean;
  roles: { name: string }[];
  department: { name: string } | null;
  note: string | null;
}

describe('sheet cells (unit)', () => {
  const row: Row = {
    name: '王芳',
    at: '2026-09-30T16:30:00.000Z',
    active: false,
    roles: [{ name: '教职工' }, { name: '档案员' }],
    department: null,
    note: 'x'.repeat(40_000),
  };
  const cell = (column: SheetColumn<Row>, timeZone = 'Asia/Shanghai') => cellValue(row, column, timeZone);

  it('PLT-7 exported cells show times in the school time zone and values as a reader expects', () => {
    expect(cell({ header: '时间', key: 'at', format: 'datetime' })).toBe('2026-10-01 00:30');
    expect(cell({ header: '日期', key: 'at', format: 'date' })).toBe('2026-10-01');
    expect(cell({ header: '时间', key: 'at', format: 'datetime' }, 'Europe/Berlin')).toBe('2026-09-30 18:30');
    expect(cell({ header: '启用', key: 'active' })).toBe('否');
    expect(cell({ header: '角色', key: 'roles' })).toBe('教职工、档案员');
    expect(cell({ header: '部门', key: 'department.name' })).toBeNull();
    expect(cell({ header: '姓名', key: 'name', value: (r) => `${r.name}老师` })).toBe('王芳老师');
    // Excel calls a file with a cell over 32,767 characters damaged.
    expect(String(cell({ header: '备注', key: 'note' })).length).toBeLessThanOrEqual(32_001);
  });

  it('PLT-7 imported cells are read as the text Excel shows', () => {
    expect(cellText('  王芳 ')).toBe('王芳');
    expect(cellText(13800000000)).toBe('13800000000');
    expect(cellText(new Date(Date.UTC(2026, 9, 8)))).toBe('2026-10-08');
    expect(cellText({ text: 'a@school.example', hyperlink: 'mailto:a@school.example' })).toBe('a@school.example');
    expect(cellText({ richText: [{ text: '王' }, { text: '芳' }] })).toBe('王芳');
    expect(cellText({ formula: 'A1&B1', result: '王芳' })).toBe('王芳');
    expect(cellText(null)).toBe('');
  });
});
