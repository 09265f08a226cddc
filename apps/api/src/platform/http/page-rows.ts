import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { queryPrepared } from '../../database/prepared-statement';

/**
 * Reads a page of an entity's rows by id, with some of its many-to-one relations as refs
 * (`{ id, name }`, or null), in one statement built once and prepared once per pooled connection
 * (queryPrepared), without TypeORM's entity building (NFR-9). It is the `load` of
 * paginateThenLoad for the lists of the largest tables: TypeORM spent 3.4 ms of CPU building a
 * page of 20 incoming documents with four joined people, this 1.1 ms (measured in-process on the
 * bench data; bench/results/2026-12-05.md).
 *
 * Each row carries the entity's property names and the values TypeORM would give them: a `date`
 * column as its 'YYYY-MM-DD' text, the rest as node-postgres reads them, which is what TypeORM
 * passes on for these types. Columns marked `select: false` are left out, as TypeORM's find()
 * leaves them out. An entity with a column transformer is refused when the reader is made, so a
 * list cannot quietly differ from the record's own page.
 */
export class PageRows<E extends ObjectLiteral & { id: string }> {
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<E>,
    refs: readonly (keyof E & string)[],
  ) {
    const meta = dataSource.getMetadata(entity);
    const select = meta.columns
      .filter((column) => column.isSelect && !column.isVirtual)
      .map((column) => {
        if (column.transformer) {
          throw new Error(`PageRows cannot read ${meta.name}.${column.propertyName}: TypeORM converts its value`);
        }
        const cast = column.type === 'date' ? '::text' : '';
        return `d."${column.databaseName}"${cast} AS "${column.propertyName}"`;
      });
    const joins = refs.map((property, i) => {
      const relation = meta.findRelationWithPropertyPath(property);
      const name = relation?.inverseEntityMetadata.findColumnWithPropertyName('name');
      if (!relation?.isManyToOne || !name)
        throw new Error(`PageRows: ${meta.name}.${property} is not a many-to-one relation to a named record`);
      const alias = `r${i}`;
      const primary = relation.inverseEntityMetadata.primaryColumns[0].databaseName;
      select.push(
        `CASE WHEN ${alias}."${primary}" IS NULL THEN NULL ELSE json_build_object('id', ${alias}."${primary}", 'name', ${alias}."${name.databaseName}") END AS "${property}"`,
      );
      return `LEFT JOIN "${relation.inverseEntityMetadata.tableName}" ${alias} ON ${alias}."${primary}" = d."${relation.joinColumns[0].databaseName}"`;
    });
    const id = meta.primaryColumns[0].databaseName;
    // One array parameter instead of IN ($1, …, $n): the same text for every page.
    this.sql = `SELECT ${select.join(', ')} FROM "${meta.tableName}" d ${joins.join(' ')} WHERE d."${id}" = ANY($1::uuid[])`;
  }

  /** The rows of these ids that exist, in no particular order. */
  read(ids: string[]): Promise<E[]> {
    return queryPrepared<E>(this.dataSource, this.sql, [ids]);
  }
}
