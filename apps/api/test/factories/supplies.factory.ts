import type { TestApp } from '../setup/test-app';
import { unique } from './org.factory';

type Token = { token: string };
const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

/** A catalogue item (LOG-1) created by a storekeeper; answers its response body. */
export async function createSupplyItem(
  t: TestApp,
  keeper: Token,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; name: string; safetyStock: number; version: number }> {
  const res = await t.http
    .post('/api/v1/logistics/supplies/items')
    .set(as(keeper))
    .send({ name: unique('A4复印纸'), specification: '70g 500张/包', unit: '包', category: '纸张', safetyStock: 0, ...fields })
    .expect(201);
  return res.body;
}

/** A manual stock-in of `quantity` units. */
export async function stockIn(t: TestApp, keeper: Token, itemId: string, quantity: number, reason = '期初入库'): Promise<void> {
  await t.http.post('/api/v1/logistics/supplies/movements').set(as(keeper)).send({ itemId, kind: 'in', quantity, reason }).expect(201);
}
