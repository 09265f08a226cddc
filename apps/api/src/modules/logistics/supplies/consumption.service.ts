import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { schoolDateOf } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import type { SheetSpec } from '../../../platform/excel/sheet';
import { badRequest } from '../../../platform/http/api-error';
import { SupplyItem } from './catalogue.entities';
import type { ConsumptionReportDto, ConsumptionRowDto, QueryConsumptionDto } from './distribution.dto';

/** The longest span of one report, in months. */
const MAX_MONTHS = 36;

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 办公用品消耗统计 (LOG-8): one row per month, department and item. */
export const CONSUMPTION_SHEET: SheetSpec<ConsumptionRowDto> = {
  title: '办公用品消耗统计',
  fileName: 'supplies-consumption',
  columns: [
    { header: '月份', key: 'month', width: 10 },
    { header: '部门', key: 'department.name', width: 16 },
    { header: '物品', key: 'item.name', width: 20 },
    { header: '规格型号', key: 'item.specification', width: 18 },
    { header: '单位', key: 'item.unit', width: 6 },
    { header: '领用', key: 'issued', width: 8 },
    { header: '退库', key: 'returned', width: 8 },
    { header: '净消耗', key: 'net', width: 8 },
  ],
};

/**
 * Consumption (消耗统计, LOG-8): per department and item per month, from the ledger: `out`
 * movements issued to the department minus its `return` movements. Months are school months.
 */
@Injectable()
export class ConsumptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private range(query: QueryConsumptionDto): { from: string; to: string; months: string[] } {
    const to = query.to ?? schoolDateOf(new Date(), this.config.schoolTimeZone).slice(0, 7);
    const from = query.from ?? shiftMonth(to, -11);
    if (from > to) throw badRequest('The first month is after the last', { from: ['not after to'] });
    const months: string[] = [];
    for (let m = from; m <= to; m = shiftMonth(m, 1)) {
      months.push(m);
      if (months.length > MAX_MONTHS)
        throw badRequest(`At most ${MAX_MONTHS} months`, { from: [`at most ${MAX_MONTHS} months before to`] });
    }
    return { from, to, months };
  }

  async rows(query: QueryConsumptionDto, itemIds?: string[]): Promise<ConsumptionRowDto[]> {
    const { from, to } = this.range(query);
    const rows = await this.dataSource.query<
      {
        month: string;
        department_id: string;
        department_name: string;
        item_id: string;
        name: string;
        specification: string;
        unit: string;
        issued: number;
        returned: number;
      }[]
    >(
      `SELECT to_char(m.created_at AT TIME ZONE $1, 'YYYY-MM') AS month, m.department_id, d.name AS department_name,
              m.item_id, i.name, i.specification, i.unit,
              coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'out'), 0)::int AS issued,
              coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'return'), 0)::int AS returned
         FROM stock_movements m
         JOIN supply_items i ON i.id = m.item_id
         JOIN departments d ON d.id = m.department_id
        WHERE m.kind IN ('out', 'return')
          AND m.created_at >= (($2 || '-01')::date)::timestamp AT TIME ZONE $1
          AND m.created_at < ((($3 || '-01')::date + interval '1 month'))::timestamp AT TIME ZONE $1
          AND ($4::uuid IS NULL OR m.department_id = $4)
          AND ($5::uuid IS NULL OR m.item_id = $5)
          AND ($6::uuid[] IS NULL OR m.item_id = ANY($6))
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        ORDER BY 1, 3, 5`,
      [this.config.schoolTimeZone, from, to, query.departmentId ?? null, query.itemId ?? null, itemIds ?? null],
    );
    return rows.map((r) => ({
      month: r.month,
      department: { id: r.department_id, name: r.department_name },
      item: { id: r.item_id, name: r.name, specification: r.specification, unit: r.unit },
      issued: r.issued,
      returned: r.returned,
      net: r.issued - r.returned,
    }));
  }

  async report(query: QueryConsumptionDto): Promise<ConsumptionReportDto> {
    const { from, to, months } = this.range(query);
    return { from, to, months, rows: await this.rows(query) };
  }

  /** The export (PLT-7): the items with movements in range, each item's rows computed with the same filters. */
  exportRows(query: QueryConsumptionDto): RowSource<ConsumptionRowDto> {
    this.range(query);
    const qb = this.dataSource.manager
      .createQueryBuilder(SupplyItem, 'i')
      .where(
        `EXISTS (SELECT 1 FROM stock_movements m WHERE m.item_id = i.id AND m.kind IN ('out', 'return') AND m.department_id IS NOT NULL)`,
      )
      .orderBy('i.name', 'ASC')
      .addOrderBy('i.id', 'ASC');
    if (query.itemId) qb.andWhere('i.id = :itemId', { itemId: query.itemId });
    return rowSource(qb, (items) =>
      this.rows(
        query,
        items.map((i) => i.id),
      ),
    );
  }
}
