import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_MIN_QUOTES,
  PURCHASE_LEADER_THRESHOLD_FEN,
  PURCHASE_LIST_ACTIONS,
  PURCHASE_LIST_APPROVAL_KIND,
  bestQuote,
  modelsMatch,
  purchaseListAllows,
  type ApprovalStep,
  type DeliveryMismatch,
  type PurchaseListAction,
  type PurchaseListStatus,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { StockLedgerService } from '../supplies/stock-ledger.service';
import type {
  AddQuoteDto,
  ChooseQuoteDto,
  PurchaseDeliveryDto,
  PurchaseListDto,
  PurchaseListLineDto,
  PurchaseListSummaryDto,
  PurchasingSettingsDto,
  QueryPurchaseListsDto,
  ReceiveDeliveryDto,
  UpdatePurchasingSettingsDto,
} from './purchasing.dto';
import { choiceReasonRequired, listIllegalAction, listNotApproved, quotesMissing } from './purchasing.errors';
import { PurchaseDelivery, PurchaseDeliveryLine, PurchaseList, PurchaseQuote, PurchasingSettings } from './purchasing.entities';

export const PURCHASE_LIST = 'purchase-list';
/** The source type of the ledger movements a delivery writes (LOG-4). */
export const PURCHASE_DELIVERY = 'purchase-delivery';

/**
 * The default chain of `purchase-list` (LOG-3): the office director approves every list; from
 * ¥5,000 (the request's `amountFen`) a school leader approves after them. Admins edit the chain and
 * its threshold in the chain editor (a step condition on `amountFen`).
 */
export const PURCHASE_LIST_DEFAULT_STEPS: ApprovalStep[] = [
  { name: '办公室主任审核', approvers: { type: 'role', role: 'office-director' }, mode: 'any', timeLimitHours: 48 },
  {
    name: '校领导审批',
    approvers: { type: 'role', role: 'school-leader' },
    mode: 'any',
    timeLimitHours: 72,
    condition: { field: 'amountFen', op: 'gte', value: PURCHASE_LEADER_THRESHOLD_FEN },
  },
];

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const link = (id: string) => `/logistics/purchase-lists/${id}`;

interface LineRow {
  id: string;
  item_id: string;
  item_name: string;
  unit: string;
  specification: string;
  requested_quantity: number;
  available_quantity: number;
  quantity: number;
  received_quantity: number;
  chosen_quote_id: string | null;
  choice_reason: string | null;
}

interface QuoteRow {
  id: string;
  line_id: string;
  supplier_id: string;
  supplier_name: string;
  model: string;
  unit_price_fen: number;
  note: string;
}

/**
 * Purchase lists (采购清单, LOG-2–LOG-4): quotes per line from several suppliers and the choice
 * among them; the approval (`purchase-list`, chain by amount); the order; deliveries checked
 * against the order, model and quantity, with the accepted goods written into the stock ledger.
 * Every move checks PURCHASE_LIST_ACTIONS under a lock of the list row.
 */
@Injectable()
export class PurchaseListsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly notifications: NotificationsService,
    private readonly ledger: StockLedgerService,
  ) {}

  onModuleInit(): void {
    this.approvalKinds.register({
      kind: PURCHASE_LIST_APPROVAL_KIND,
      name: '采购清单审批',
      nameEn: 'Purchase list',
      defaultSteps: PURCHASE_LIST_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
  }

  // ---------- settings ----------

  async settings(manager: EntityManager = this.dataSource.manager): Promise<PurchasingSettingsDto> {
    const row = await manager.findOneBy(PurchasingSettings, { id: 1 });
    return { minQuotes: row?.minQuotes ?? DEFAULT_MIN_QUOTES, version: row?.version ?? 1 };
  }

  async updateSettings(dto: UpdatePurchasingSettingsDto, ctx: RequestContext): Promise<PurchasingSettingsDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings(manager);
      await updateVersioned(manager, PurchasingSettings, '1', dto.version, { minQuotes: dto.minQuotes }, 'purchasing settings');
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchasing.settings',
        objectType: 'purchasing-settings',
        objectId: null,
        before: { minQuotes: before.minQuotes },
        after: { minQuotes: dto.minQuotes },
      });
    });
    return this.settings();
  }

  // ---------- reading ----------

  async list(query: QueryPurchaseListsDto): Promise<Page<PurchaseListSummaryDto>> {
    const qb = this.dataSource.getRepository(PurchaseList).createQueryBuilder('l').orderBy('l.created_at', 'DESC').addOrderBy('l.id');
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    const page = await paginate(qb, query, (l) => l);
    const counts: { list_id: string; n: number }[] = page.items.length
      ? await this.dataSource.query(
          `SELECT list_id, count(*)::int AS n FROM purchase_list_lines WHERE list_id = ANY($1::uuid[]) GROUP BY list_id`,
          [page.items.map((l) => l.id)],
        )
      : [];
    return { ...page, items: page.items.map((l) => toSummary(l, counts.find((c) => c.list_id === l.id)?.n ?? 0)) };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PurchaseListDto> {
    const list = await manager.findOneBy(PurchaseList, { id });
    if (!list) throw notFound('purchase list');
    const lines: LineRow[] = await manager.query(
      `SELECT l.id, l.item_id, i.name AS item_name, i.unit, l.specification, l.requested_quantity, l.available_quantity, l.quantity,
              l.received_quantity, l.chosen_quote_id, l.choice_reason
         FROM purchase_list_lines l JOIN supply_items i ON i.id = l.item_id WHERE l.list_id = $1 ORDER BY i.name, l.id`,
      [id],
    );
    const quotes: QuoteRow[] = await manager.query(
      `SELECT q.id, q.line_id, q.supplier_id, s.name AS supplier_name, q.model, q.unit_price_fen, q.note
         FROM purchase_quotes q JOIN purchase_list_lines l ON l.id = q.line_id JOIN suppliers s ON s.id = q.supplier_id
        WHERE l.list_id = $1 ORDER BY q.unit_price_fen, q.created_at, q.id`,
      [id],
    );
    const settings = await this.settings(manager);
    return {
      ...toSummary(list, lines.length),
      windowId: list.windowId,
      minQuotes: settings.minQuotes,
      orderedAt: list.orderedAt?.toISOString() ?? null,
      version: list.version,
      actions: [...PURCHASE_LIST_ACTIONS[list.status]],
      lines: lines.map((line) =>
        toLineDto(
          line,
          quotes.filter((q) => q.line_id === line.id),
        ),
      ),
      deliveries: await this.deliveries(manager, id),
    };
  }

  private async deliveries(manager: EntityManager, listId: string): Promise<PurchaseDeliveryDto[]> {
    const deliveries: {
      id: string;
      supplier_id: string;
      supplier_name: string;
      received_by: string;
      receiver_name: string;
      received_at: Date;
      note: string;
    }[] = await manager.query(
      `SELECT d.id, d.supplier_id, s.name AS supplier_name, d.received_by, u.name AS receiver_name, d.received_at, d.note
           FROM purchase_deliveries d JOIN suppliers s ON s.id = d.supplier_id JOIN users u ON u.id = d.received_by
          WHERE d.list_id = $1 ORDER BY d.received_at, d.id`,
      [listId],
    );
    if (deliveries.length === 0) return [];
    const lines: {
      delivery_id: string;
      line_id: string;
      item_name: string;
      delivered_model: string;
      delivered_quantity: number;
      accepted_quantity: number;
      mismatches: DeliveryMismatch[];
      note: string;
    }[] = await manager.query(
      `SELECT dl.delivery_id, dl.line_id, i.name AS item_name, dl.delivered_model, dl.delivered_quantity, dl.accepted_quantity, dl.mismatches, dl.note
           FROM purchase_delivery_lines dl JOIN purchase_list_lines l ON l.id = dl.line_id JOIN supply_items i ON i.id = l.item_id
          WHERE dl.delivery_id = ANY($1::uuid[]) ORDER BY i.name, dl.id`,
      [deliveries.map((d) => d.id)],
    );
    return deliveries.map((d) => ({
      id: d.id,
      supplier: { id: d.supplier_id, name: d.supplier_name },
      receivedBy: { id: d.received_by, name: d.receiver_name },
      receivedAt: new Date(d.received_at).toISOString(),
      note: d.note,
      lines: lines
        .filter((l) => l.delivery_id === d.id)
        .map((l) => ({
          lineId: l.line_id,
          itemName: l.item_name,
          deliveredModel: l.delivered_model,
          deliveredQuantity: l.delivered_quantity,
          acceptedQuantity: l.accepted_quantity,
          mismatches: l.mismatches,
          note: l.note,
        })),
    }));
  }

  // ---------- acting ----------

  /** Locks the list and checks that its status allows the action (409 otherwise). */
  private async lock(manager: EntityManager, id: string, action: PurchaseListAction): Promise<PurchaseList> {
    const [row] = await manager.query(`SELECT id FROM purchase_lists WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound('purchase list');
    const list = await manager.findOneByOrFail(PurchaseList, { id });
    if (!purchaseListAllows(list.status, action)) {
      if (action === 'order' && (list.status === 'draft' || list.status === 'submitted')) throw listNotApproved();
      throw listIllegalAction(list.status, action);
    }
    return list;
  }

  private async lineOf(manager: EntityManager, listId: string, lineId: string): Promise<LineRow> {
    const [line]: LineRow[] = await manager.query(
      `SELECT l.id, l.item_id, '' AS item_name, '' AS unit, l.specification, l.requested_quantity, l.available_quantity, l.quantity,
              l.received_quantity, l.chosen_quote_id, l.choice_reason
         FROM purchase_list_lines l WHERE l.id = $1 AND l.list_id = $2`,
      [lineId, listId],
    );
    if (!line) throw notFound('purchase list line');
    return line;
  }

  /** Records a supplier's quote for a line (one per supplier and line; a new one replaces it). */
  async addQuote(listId: string, lineId: string, dto: AddQuoteDto, ctx: RequestContext): Promise<PurchaseListDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, listId, 'quote');
      await this.lineOf(manager, listId, lineId);
      const [supplier] = await manager.query(`SELECT id FROM suppliers WHERE id = $1 AND active`, [dto.supplierId]);
      if (!supplier) throw badRequest('No such supplier', { supplierId: ['no active supplier has this id'] });
      const [quote] = await manager.query(
        `INSERT INTO purchase_quotes (line_id, supplier_id, model, unit_price_fen, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (line_id, supplier_id) DO UPDATE SET model = EXCLUDED.model, unit_price_fen = EXCLUDED.unit_price_fen, note = EXCLUDED.note
         RETURNING id`,
        [lineId, dto.supplierId, dto.model, dto.unitPriceFen, dto.note ?? '', ctx.actor!.id],
      );
      // A changed quote may change the comparison: a choice made before is made again.
      await manager.query(`UPDATE purchase_list_lines SET chosen_quote_id = NULL, choice_reason = NULL WHERE id = $1`, [lineId]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchase-list.quote',
        objectType: PURCHASE_LIST,
        objectId: listId,
        details: { lineId, quoteId: quote.id, supplierId: dto.supplierId, model: dto.model, unitPriceFen: dto.unitPriceFen },
      });
      return this.get(listId, manager);
    });
  }

  /** Chooses a line's quote: the best matching one freely, any other with a written reason (422 without). */
  async choose(listId: string, lineId: string, dto: ChooseQuoteDto, ctx: RequestContext): Promise<PurchaseListDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, listId, 'choose');
      const line = await this.lineOf(manager, listId, lineId);
      const quotes = await manager.findBy(PurchaseQuote, { lineId });
      const chosen = quotes.find((q) => q.id === dto.quoteId);
      if (!chosen) throw badRequest('No such quote on this line', { quoteId: ['not a quote of this line'] });
      const best = bestQuote(line.specification, sortedQuotes(quotes));
      const reason = dto.reason?.trim() || null;
      if (best?.id !== chosen.id && !reason) throw choiceReasonRequired();
      await manager.query(`UPDATE purchase_list_lines SET chosen_quote_id = $2, choice_reason = $3 WHERE id = $1`, [
        lineId,
        chosen.id,
        best?.id === chosen.id ? null : reason,
      ]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchase-list.choose',
        objectType: PURCHASE_LIST,
        objectId: listId,
        details: { lineId, quoteId: chosen.id, best: best?.id === chosen.id, reason },
      });
      return this.get(listId, manager);
    });
  }

  /**
   * Submits the list for approval. Each line needs the school's minimum number of quotes; a line
   * without a choice takes its best matching quote (422 when none matches). The amount, fixed now,
   * picks the chain.
   */
  async submit(listId: string, ctx: RequestContext): Promise<PurchaseListDto> {
    return this.dataSource.transaction(async (manager) => {
      const list = await this.lock(manager, listId, 'submit');
      const { minQuotes } = await this.settings(manager);
      const lines: LineRow[] = await manager.query(
        `SELECT l.id, l.item_id, i.name AS item_name, i.unit, l.specification, l.requested_quantity, l.available_quantity, l.quantity,
                l.received_quantity, l.chosen_quote_id, l.choice_reason
           FROM purchase_list_lines l JOIN supply_items i ON i.id = l.item_id WHERE l.list_id = $1 ORDER BY i.name, l.id`,
        [listId],
      );
      if (lines.length === 0) throw badRequest('The list has no lines', { lines: ['nothing to buy'] });
      const quotes = await manager
        .getRepository(PurchaseQuote)
        .createQueryBuilder('q')
        .where('q.line_id = ANY(:ids)', { ids: lines.map((l) => l.id) })
        .orderBy('q.unit_price_fen')
        .addOrderBy('q.created_at')
        .addOrderBy('q.id')
        .getMany();
      const problems: Record<string, string[]> = {};
      const summary: string[] = [];
      let amountFen = 0;
      for (const line of lines) {
        const own = quotes.filter((q) => q.lineId === line.id);
        if (own.length < minQuotes) {
          problems[`lines.${line.id}`] = [`${line.item_name}: ${own.length} of the ${minQuotes} quotes needed`];
          continue;
        }
        let chosen = own.find((q) => q.id === line.chosen_quote_id) ?? null;
        if (!chosen) {
          chosen = bestQuote(line.specification, own);
          if (!chosen) {
            problems[`lines.${line.id}`] = [`${line.item_name}: no quote matches the specification; choose one with a reason`];
            continue;
          }
          await manager.query(`UPDATE purchase_list_lines SET chosen_quote_id = $2, choice_reason = NULL WHERE id = $1`, [
            line.id,
            chosen.id,
          ]);
        }
        amountFen += chosen.unitPriceFen * line.quantity;
        const supplierName = await this.supplierName(manager, chosen.supplierId);
        const reason = chosen.id === line.chosen_quote_id && line.choice_reason ? `；未选最低报价，理由：${line.choice_reason}` : '';
        summary.push(
          `${line.item_name}（${chosen.model}）${line.quantity}${line.unit} × ${yuan(chosen.unitPriceFen)} = ${yuan(chosen.unitPriceFen * line.quantity)}，${supplierName}${reason}`,
        );
      }
      if (Object.keys(problems).length) throw quotesMissing(problems);
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: PURCHASE_LIST_APPROVAL_KIND,
          title: `${list.title}（${lines.length}项，合计${yuan(amountFen)}）`,
          subjectType: PURCHASE_LIST,
          subjectId: list.id,
          // `content` is what the approvers read: each line with its chosen quote (and the reason for a choice that is not the best).
          data: { amountFen, lineCount: lines.length, content: summary.join('\n') },
        },
        ctx,
      );
      await manager.query(
        `UPDATE purchase_lists SET status = 'submitted', amount_fen = $2, approval_request_id = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [list.id, amountFen, requestId],
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchase-list.submit',
        objectType: PURCHASE_LIST,
        objectId: list.id,
        details: { amountFen, requestId },
      });
      return this.get(listId, manager);
    });
  }

  private async supplierName(manager: EntityManager, id: string): Promise<string> {
    const [row] = await manager.query(`SELECT name FROM suppliers WHERE id = $1`, [id]);
    return (row?.name as string | undefined) ?? '';
  }

  /** The approval's outcome: approved → approved; rejected or withdrawn → back to draft for another round. */
  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== PURCHASE_LIST || !outcome.subjectId) return;
    const approved = outcome.status === 'approved';
    const [list] = returnedRows<{ id: string; title: string; created_by: string }>(
      await manager.query(
        `UPDATE purchase_lists SET status = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'submitted' AND approval_request_id = $3 RETURNING id, title, created_by`,
        [outcome.subjectId, approved ? 'approved' : 'draft', outcome.requestId],
      ),
    );
    if (!list) return;
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: approved ? 'logistics.purchase-list.approved' : 'logistics.purchase-list.returned',
      objectType: PURCHASE_LIST,
      objectId: list.id,
      details: { requestId: outcome.requestId, status: outcome.status },
    });
    await this.notifications.notify(manager, {
      recipientIds: [list.created_by],
      kind: approved ? 'logistics.purchase-list.approved' : 'logistics.purchase-list.declined',
      title: approved ? `采购清单已批准：${list.title}` : `采购清单未获批准：${list.title}`,
      body: approved ? `「${list.title}」已批准，可以下单采购。` : `「${list.title}」未获批准，已退回询价中，可修改后重新提交。`,
      link: link(list.id),
    });
  }

  /** Places the order (下单) with the chosen suppliers; only an approved list (409 PURCHASE_LIST_NOT_APPROVED before). */
  async order(listId: string, ctx: RequestContext): Promise<PurchaseListDto> {
    return this.dataSource.transaction(async (manager) => {
      const list = await this.lock(manager, listId, 'order');
      await manager.query(
        `UPDATE purchase_lists SET status = 'ordered', ordered_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [list.id],
      );
      await this.audit.record(manager, ctx, { action: 'logistics.purchase-list.order', objectType: PURCHASE_LIST, objectId: list.id });
      return this.get(listId, manager);
    });
  }

  /**
   * Receives a delivery (到货验收) from one supplier: each line is checked against the order (the
   * line's chosen quote is this supplier's), its model (the ordered model) and its quantity (what is
   * still outstanding). Goods of another model are recorded and not taken in; more than outstanding
   * is recorded and only the outstanding quantity taken in; less is a partial delivery. What is taken
   * in goes into the stock ledger (`in`, source `purchase-delivery`).
   */
  async receive(listId: string, dto: ReceiveDeliveryDto, ctx: RequestContext): Promise<PurchaseListDto> {
    return this.dataSource.transaction(async (manager) => {
      const list = await this.lock(manager, listId, 'receive');
      const lineIds = dto.lines.map((l) => l.lineId);
      if (new Set(lineIds).size !== lineIds.length) throw badRequest('Each line once per delivery', { lines: ['a line is listed twice'] });
      const ordered: {
        id: string;
        item_id: string;
        item_name: string;
        quantity: number;
        received_quantity: number;
        model: string;
        supplier_id: string;
      }[] = await manager.query(
        `SELECT l.id, l.item_id, i.name AS item_name, l.quantity, l.received_quantity, q.model, q.supplier_id
             FROM purchase_list_lines l JOIN purchase_quotes q ON q.id = l.chosen_quote_id JOIN supply_items i ON i.id = l.item_id
            WHERE l.list_id = $1 AND l.id = ANY($2::uuid[])`,
        [listId, lineIds],
      );
      const byId = new Map(ordered.map((l) => [l.id, l]));
      const wrong: Record<string, string[]> = {};
      dto.lines.forEach((input, i) => {
        const line = byId.get(input.lineId);
        if (!line) wrong[`lines.${i}.lineId`] = ['not a line of this purchase list'];
        else if (line.supplier_id !== dto.supplierId) wrong[`lines.${i}.lineId`] = ['this line was ordered from another supplier'];
      });
      if (Object.keys(wrong).length) throw badRequest('The delivery does not match the order', wrong);

      const delivery = manager.create(PurchaseDelivery, {
        listId,
        supplierId: dto.supplierId,
        receivedById: ctx.actor!.id,
        note: dto.note ?? '',
      });
      await manager.insert(PurchaseDelivery, delivery);
      const recorded: { lineId: string; accepted: number; mismatches: DeliveryMismatch[] }[] = [];
      for (const input of dto.lines) {
        const line = byId.get(input.lineId)!;
        const outstanding = line.quantity - line.received_quantity;
        const mismatches: DeliveryMismatch[] = [];
        let accepted = 0;
        if (!modelsMatch(input.model, line.model)) mismatches.push('model');
        else accepted = Math.min(input.quantity, outstanding);
        if (input.quantity > outstanding) mismatches.push('excess');
        await manager.insert(PurchaseDeliveryLine, {
          deliveryId: delivery.id,
          lineId: line.id,
          deliveredModel: input.model,
          deliveredQuantity: input.quantity,
          acceptedQuantity: accepted,
          mismatches,
          note: input.note ?? '',
        });
        if (accepted > 0) {
          await manager.query(`UPDATE purchase_list_lines SET received_quantity = received_quantity + $2 WHERE id = $1`, [
            line.id,
            accepted,
          ]);
          await this.ledger.record(manager, ctx, {
            itemId: line.item_id,
            kind: 'in',
            quantity: accepted,
            reason: `采购入库：${list.title}`,
            sourceType: PURCHASE_DELIVERY,
            sourceId: delivery.id,
          });
        }
        recorded.push({ lineId: line.id, accepted, mismatches });
      }
      const [{ outstanding }] = await manager.query(
        `SELECT count(*)::int AS outstanding FROM purchase_list_lines WHERE list_id = $1 AND received_quantity < quantity`,
        [listId],
      );
      const status: PurchaseListStatus = outstanding === 0 ? 'received' : 'receiving';
      await manager.query(`UPDATE purchase_lists SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        listId,
        status,
      ]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchase-list.receive',
        objectType: PURCHASE_LIST,
        objectId: listId,
        details: { deliveryId: delivery.id, supplierId: dto.supplierId, lines: recorded },
      });
      return this.get(listId, manager);
    });
  }
}

/** Quotes in the comparison's order: price, then first given. */
function sortedQuotes(quotes: PurchaseQuote[]): PurchaseQuote[] {
  return [...quotes].sort(
    (a, b) => a.unitPriceFen - b.unitPriceFen || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
}

function toSummary(l: PurchaseList, lineCount: number): PurchaseListSummaryDto {
  return {
    id: l.id,
    title: l.title,
    status: l.status,
    amountFen: l.amountFen,
    lineCount,
    approvalRequestId: l.approvalRequestId,
    createdAt: l.createdAt.toISOString(),
  };
}

function toLineDto(line: LineRow, quotes: QuoteRow[]): PurchaseListLineDto {
  const best = bestQuote(
    line.specification,
    quotes.map((q) => ({ id: q.id, unitPriceFen: q.unit_price_fen, model: q.model })),
  );
  return {
    id: line.id,
    itemId: line.item_id,
    itemName: line.item_name,
    unit: line.unit,
    specification: line.specification,
    requestedQuantity: line.requested_quantity,
    availableQuantity: line.available_quantity,
    quantity: line.quantity,
    receivedQuantity: line.received_quantity,
    quotes: quotes.map((q) => ({
      id: q.id,
      supplier: { id: q.supplier_id, name: q.supplier_name },
      model: q.model,
      unitPriceFen: q.unit_price_fen,
      matchesSpecification: modelsMatch(q.model, line.specification),
      note: q.note,
    })),
    bestQuoteId: best?.id ?? null,
    chosenQuoteId: line.chosen_quote_id,
    choiceReason: line.choice_reason,
  };
}
