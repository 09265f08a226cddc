import { GENESIS_HASH, linkHash } from './audit-chain.service';
import { auditDiff } from './audit.service';

describe('audit diff and chain (unit)', () => {
  it('PLT-6 keeps only the changed fields, and never a secret', () => {
    const diff = auditDiff(
      { name: '王芳', phone: '1', passwordHash: 'a', roles: ['staff'] },
      { name: '王芳', phone: '2', passwordHash: 'b', refreshToken: 'x', roles: ['staff', 'office-clerk'] },
    );
    expect(diff).toEqual({ phone: ['1', '2'], roles: [['staff'], ['staff', 'office-clerk']] });
  });

  it('PLT-6 records a creation as fields going from null to their value', () => {
    expect(auditDiff(null, { name: '综合办公室', createdAt: new Date('2026-01-01T00:00:00Z') })).toEqual({
      name: [null, '综合办公室'],
      createdAt: [null, '2026-01-01T00:00:00.000Z'],
    });
  });

  it('PLT-6 a link hash changes when any field of the row or the previous hash changes', () => {
    const row = {
      id: '7',
      occurred_at: '2026-12-04T08:00:00.123456Z',
      actor_id: null,
      actor_name: '系统管理员',
      action: 'user.create',
      object_type: 'user',
      object_id: 'u1',
      diff: '{"name": [null, "王芳"]}',
      ip: '127.0.0.1',
      request_id: 'r1',
    };
    const base = linkHash(GENESIS_HASH, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(linkHash(GENESIS_HASH, { ...row })).toBe(base);
    for (const field of Object.keys(row) as (keyof typeof row)[]) {
      expect(linkHash(GENESIS_HASH, { ...row, [field]: `${row[field]}x` })).not.toBe(base);
    }
    expect(linkHash('1'.repeat(64), row)).not.toBe(base);
    // null and the text "null" are different values
    expect(linkHash(GENESIS_HASH, { ...row, actor_id: 'null' })).not.toBe(base);
  });
});
