import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { insufficientReserved, insufficientStock } from './supplies.errors';

export type StockMovementKind = 'in' | 'out' | 'adjustment' | 'return' | 'reservation' | 'release';

export interface RecordMovement {
  itemId: string;
  kind: StockMovementKind;
  /** A positive integer; for an 'adjustment' a non-zero signed integer. */
  quantity: number;
  reason: string;
  departmentId?: string | null;
  sourceType?: string;
  sourceId?: string;
}

export interface StockBalance {
  itemId: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** Called after each movement in the same transaction (the low-stock rule, LOG-6). */
export type AfterMovementHook = (manager: EntityManager, itemId: string, kind: StockMovementKind) => Promise<void>;

/** The (on-hand, reserved) change of a movement. */
function deltas(kind: StockMovementKind, q: number): [number, number] {
  switch (kind) {
    case 'in':
    case 'return':
    case 'adjustment':
      return [q, 0];
    case 'out':
      return [-q, 0];
    case 'reservation':
      return [0, q];
    case 'release':
      return [0, -q];
  }
}

const KINDS: readonly StockMovementKind[] = ['in', 'out', 'adjustment', 'return', 'reservation', 'release'];

/**
 * The stock ledger (库存台账): every change of stock is one appended movement with who, when, why
 * and the balance after it. The balance row is changed by one conditional UPDATE, which also
 * serialises the movements of an item: an out or adjustment that would take on-hand below zero
 * matches no row and is refused with 409 INSUFFICIENT_STOCK, and the database's CHECK
 * (CHK_stock_balances_on_hand) refuses it as well should any other path try. A reservation is
 * never refused (a waiting line may reserve stock not yet on hand); a release below zero is.
 *
 * Callers own the transaction: a refusal throws, and their transaction rolls back with it.
 */
@Injectable()
export class StockLedgerService {
  private readonly hooks: AfterMovementHook[] = [];

  constructor(private readonly audit: AuditService) {}

  /** Registers a rule to run after every movement, in its transaction (LOG-6 low-stock alerts). */
  onMovement(hook: AfterMovementHook): void {
    this.hooks.push(hook);
  }

  async record(
    manager: EntityManager,
    ctx: RequestContext,
    movement: RecordMovement,
  ): Promise<{ id: string; onHandAfter: number; reservedAfter: number }> {
    const { itemId, kind, quantity } = movement;
    if (!KINDS.includes(kind)) throw badRequest('Unknown kind of movement', { kind: [`one of ${KINDS.join(', ')}`] });
    const valid = Number.isSafeInteger(quantity) && (kind === 'adjustment' ? quantity !== 0 : quantity > 0);
    if (!valid) throw badRequest('Invalid quantity', { quantity: [kind === 'adjustment' ? 'a non-zero integer' : 'a positive integer'] });
    const reason = (movement.reason ?? '').trim();
    if (!reason) throw badRequest('A movement needs a reason', { reason: ['required'] });

    const [dOnHand, dReserved] = deltas(kind, quantity);
    let rows: { on_hand: number; reserved: number }[];
    try {
      rows = returnedRows(
        await manager.query(
          `UPDATE stock_balances SET on_hand = on_hand + $2, reserved = reserved + $3, updated_at = now()
            WHERE item_id = $1 AND on_hand + $2 >= 0 AND reserved + $3 >= 0
          RETURNING on_hand, reserved`,
          [itemId, dOnHand, dReserved],
        ),
      );
    } catch (error) {
      // The database's own guard: should the condition above ever let a negative through, the CHECK refuses it.
      if ((error as { code?: string }).code === '23514') throw insufficientStock(0, Math.abs(dOnHand));
      throw error;
    }
    if (!rows.length) {
      const [current] = await manager.query<{ on_hand: number; reserved: number }[]>(
        'SELECT on_hand, reserved FROM stock_balances WHERE item_id = $1',
        [itemId],
      );
      if (!current) throw badRequest('No such supply item', { itemId: ['no supply item has this id'] });
      if (dOnHand < 0 && current.on_hand + dOnHand < 0) throw insufficientStock(current.on_hand, -dOnHand);
      throw insufficientReserved(current.reserved, -dReserved);
    }
    const after = rows[0];
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO stock_movements (item_id, kind, quantity, on_hand_after, reserved_after, reason, department_id, source_type, source_id, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        itemId,
        kind,
        quantity,
        after.on_hand,
        after.reserved,
        reason.slice(0, 500),
        movement.departmentId ?? null,
        movement.sourceType ?? null,
        movement.sourceId ?? null,
        ctx.actor?.id ?? null,
      ],
    );
    await this.audit.record(manager, ctx, {
      action: `logistics.supplies.stock.${kind}`,
      objectType: 'supply-item',
      objectId: itemId,
      details: {
        movementId: inserted.id,
        quantity,
        onHandAfter: after.on_hand,
        reservedAfter: after.reserved,
        reason,
        departmentId: movement.departmentId ?? null,
        sourceType: movement.sourceType ?? null,
        sourceId: movement.sourceId ?? null,
      },
    });
    for (const hook of this.hooks) await hook(manager, itemId, kind);
    return { id: inserted.id, onHandAfter: after.on_hand, reservedAfter: after.reserved };
  }

  async balance(manager: EntityManager, itemId: string): Promise<StockBalance> {
    const [row] = await manager.query<{ on_hand: number; reserved: number }[]>(
      'SELECT on_hand, reserved FROM stock_balances WHERE item_id = $1',
      [itemId],
    );
    if (!row) throw badRequest('No such supply item', { itemId: ['no supply item has this id'] });
    return { itemId, onHand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved };
  }
}
