import { describe, expect, it } from 'vitest';
import { canImport, isXlsxName, problemsFromErrors } from './importReport';

describe('accounts import', () => {
  it('PLT-7 reads the per-row problems of a refused import back from its errors', () => {
    expect(
      problemsFromErrors({
        'rows[7].email': ['email must be an email'],
        'rows[3].username': ['username is required', 'the same account is on row 2'],
        file: ['ignored: not a row'],
      }),
    ).toEqual([
      { row: 3, field: 'username', column: null, reason: 'username is required' },
      { row: 3, field: 'username', column: null, reason: 'the same account is on row 2' },
      { row: 7, field: 'email', column: null, reason: 'email must be an email' },
    ]);
    expect(problemsFromErrors(undefined)).toEqual([]);
  });

  it('PLT-7 imports only after a clean dry run', () => {
    expect(canImport(null)).toBe(false);
    expect(canImport({ dryRun: true, problems: [] })).toBe(true);
    expect(canImport({ dryRun: true, problems: [{ row: 2, field: 'name', column: '姓名', reason: 'required' }] })).toBe(false);
    expect(canImport({ dryRun: false, problems: [] })).toBe(false);
  });

  it('PLT-7 takes .xlsx workbooks only', () => {
    expect(isXlsxName('账号.xlsx')).toBe(true);
    expect(isXlsxName('USERS.XLSX ')).toBe(true);
    expect(isXlsxName('users.xls')).toBe(false);
    expect(isXlsxName('users.csv')).toBe(false);
  });
});
