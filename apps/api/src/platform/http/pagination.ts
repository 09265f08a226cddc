import { Type as NestType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIST_TOTAL_CAP, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@xiaoban/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** `?page=&pageSize=&q=` of every list (ARCHITECTURE.md, "Lists"). */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize: number = PAGE_SIZE_DEFAULT;

  /** Free-text search. */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/**
 * Runs a list query: one page of rows, and a total that is exact up to `cap` rows, so that a
 * query matching most of a large table stays fast.
 */
export async function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQueryDto,
  toDto: (row: E) => T,
  cap = LIST_TOTAL_CAP,
): Promise<Page<T>> {
  const [rows, counted] = await Promise.all([
    qb
      .clone()
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getMany(),
    // DISTINCT: joined to-many relations (roles, recipients) would otherwise repeat a row.
    countUpTo(qb.clone().orderBy().select(`DISTINCT ${qb.alias}.id`), cap + 1),
  ]);
  return {
    items: rows.map(toDto),
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * `paginate` for the lists of large tables (NFR-9): the page is found on the main table alone,
 * with a plain OFFSET/LIMIT and a count without DISTINCT, and `load` then reads that page's rows
 * with their relations. With joined relations TypeORM pages through a DISTINCT over every
 * matching row, which grows with the table (measured in bench/). `qb` must select the main table
 * only, one row per record; `load` may return the rows in any order.
 */
export async function paginateThenLoad<E extends ObjectLiteral & { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQueryDto,
  load: (ids: string[]) => Promise<E[]>,
  toDto: (row: E) => T,
  cap = LIST_TOTAL_CAP,
  {
    counted: known,
    pageQueryFor,
  }: {
    /** The count, when the caller already has it (capped at cap + 1). */
    counted?: number;
    /**
     * When the fastest way to find the page depends on how many rows match: the rows are counted
     * first, then the query this returns (`qb` itself when undefined) finds the page.
     */
    pageQueryFor?: (counted: number) => SelectQueryBuilder<E> | undefined;
  } = {},
): Promise<Page<T>> {
  const pageOf = (source: SelectQueryBuilder<E>) =>
    source
      .clone()
      .select(`${source.alias}.id`, 'id')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<{ id: string }>()
      .then((r) => r.map((row) => row.id));
  const count = () => (known !== undefined ? Promise.resolve(known) : countUpTo(qb.clone().orderBy().select(`${qb.alias}.id`), cap + 1));
  const [ids, counted] = pageQueryFor
    ? await count().then(async (n) => [await pageOf(pageQueryFor(n) ?? qb), n] as const)
    : await Promise.all([pageOf(qb), count()]);
  const byId = new Map((ids.length ? await load(ids) : []).map((row) => [row.id, row]));
  return {
    items: ids.flatMap((id) => (byId.has(id) ? [toDto(byId.get(id)!)] : [])),
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * How many rows `qb` yields, counting no further than `limit`. The count runs in PostgreSQL over a
 * LIMITed subquery: reading the ids into Node to count them cost a list of 10,000 matches far more
 * than the page itself (bench/).
 */
export async function countUpTo<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, limit: number): Promise<number> {
  const limited = qb.offset(undefined).skip(undefined).take(undefined).limit(limit);
  // createQueryBuilder keeps the caller's query runner: in a transaction the count sees what the page sees.
  const row = await qb
    .createQueryBuilder()
    .select('count(*)::int', 'n')
    .from(`(${limited.getQuery()})`, 'counted')
    .setParameters(limited.getParameters())
    .getRawOne<{ n: number }>();
  return row?.n ?? 0;
}

/** The OpenAPI schema of a page of `Item`s: one `Paginated(XDto)` per list. */
export function Paginated<Item>(item: NestType<Item>) {
  class PageOfItems {
    @ApiProperty({ type: item, isArray: true })
    items: Item[];

    @ApiProperty({ description: `Exact up to the cap (${LIST_TOTAL_CAP} for lists), then the cap` })
    total: number;

    @ApiProperty({ description: 'True when there are more rows than `total` says' })
    totalCapped: boolean;

    @ApiProperty()
    page: number;

    @ApiProperty()
    pageSize: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `PageOf${item.name.replace(/Dto$/, '')}` });
  return PageOfItems;
}
