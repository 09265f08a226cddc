import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PLATFORM_ERRORS,
  SECRECY_LEVELS,
  clearanceCovers,
  visibilityOf,
  type GrantReason,
  type SecrecyLevel,
  type VisibilityDeclaration,
  type VisibilityRule,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ApiError, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { returnedRows } from '../http/sql';

/** The person asking: what the rules look at. */
export type Viewer = Pick<Principal, 'id' | 'departmentId' | 'clearance' | 'permissions'>;

/** One object: its resource type (as declared in libs/shared visibility.ts) and id. */
export interface ObjectRef {
  type: string;
  id: string;
}

/**
 * How the access service finds a resource type's objects and the persons they name. Written as SQL
 * over the type's own table, so that a read by id and a list use one and the same rule.
 */
export interface ResourceAccess {
  /** The table of the objects; its `id` column is a uuid. */
  table: string;
  /** Column of the owning department (for the `department` rule). */
  departmentColumn?: string;
  /** Column of the secrecy level, holding SecrecyLevel values (for the `classified` rule). */
  secrecyColumn?: string;
  /** SQL true when the person whose id is the parameter `me` is named by the object at alias `o`. */
  named?: (o: string, me: string) => string;
  /** SQL true when that person may change the object; default: the persons it names. */
  changers?: (o: string, me: string) => string;
}

interface Registered {
  access: ResourceAccess;
  declaration: VisibilityDeclaration;
}

/** A WHERE condition with its parameters, for a TypeORM query builder (`qb.andWhere(sql, params)`). */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/** What a read learns about the object it was allowed to see. */
export interface ObjectFacts {
  /** Null for types that are not classified. */
  secrecy: SecrecyLevel | null;
}

export interface NewGrant {
  objectType: string;
  objectId: string;
  userId: string;
  reason: GrantReason;
  expiresAt?: Date | null;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const isClassified = (secrecy: SecrecyLevel | null): secrecy is Exclude<SecrecyLevel, 'none'> => secrecy !== null && secrecy !== 'none';

/**
 * Object access (REQ-3, NFR-3). Every resource type's rule is declared once in libs/shared; the
 * module owning the type registers how to find its objects; this service applies the rule, the
 * person's clearance and their need-to-know grants, the same way for a read by id
 * (`assertCanRead`, 404 on refusal) and for lists, counts, search and exports (`visibleWhere`,
 * which filters in the query, before paging).
 *
 * A type nobody registered is visible to nobody: closed by default.
 */
@Injectable()
export class AccessService {
  private readonly logger = new Logger('Access');
  private readonly types = new Map<string, Registered>();
  private counter = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registers a resource type. Its declaration comes from libs/shared; passing one is for types
   * that are not in the catalogue (tests).
   */
  register(type: string, access: ResourceAccess, declaration: VisibilityDeclaration | undefined = visibilityOf(type)): void {
    if (!declaration) throw new Error(`Resource type ${type} has no visibility declaration in libs/shared visibility.ts`);
    if (this.types.has(type)) throw new Error(`Resource type ${type} is registered twice`);
    for (const column of [access.table, access.departmentColumn, access.secrecyColumn]) {
      if (column !== undefined && !IDENTIFIER.test(column)) throw new Error(`${type}: "${column}" is not a plain SQL identifier`);
    }
    const rules = [declaration.rule, declaration.unclassifiedRule];
    if (rules.includes('department') && !access.departmentColumn) throw new Error(`${type}: the department rule needs departmentColumn`);
    if (declaration.rule === 'classified' && !access.secrecyColumn) throw new Error(`${type}: the classified rule needs secrecyColumn`);
    this.types.set(type, { access, declaration });
  }

  isRegistered(type: string): boolean {
    return this.types.has(type);
  }

  /**
   * The condition that keeps only the objects of `type` (at alias `alias`) that the viewer may
   * see. Lists, counts, search and exports add it to their query, so that paging and totals count
   * visible rows only.
   */
  visibleWhere(viewer: Viewer, type: string, alias: string): Condition {
    const registered = this.types.get(type);
    if (!registered) {
      this.logger.error(`Resource type ${type} is not registered with the access service; nothing of it is visible`);
      return { sql: 'false', params: {} };
    }
    return this.readCondition(viewer, type, registered, alias);
  }

  /** Whether the viewer may see the object; false also when it does not exist. */
  async canRead(viewer: Viewer, ref: ObjectRef, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.look(viewer, ref, manager))?.visible ?? false;
  }

  /**
   * The object as the viewer may see it, or 404 exactly as if it did not exist. Reads of a
   * classified object are audited; so are refusals of one (a security event).
   */
  async assertCanRead(
    viewer: Principal,
    ref: ObjectRef,
    ctx: RequestContext,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ObjectFacts> {
    const found = await this.look(viewer, ref, manager);
    if (found && isClassified(found.secrecy)) {
      const event = { objectType: ref.type, objectId: ref.id, details: { secrecy: found.secrecy } };
      if (found.visible) await this.audit.record(manager, ctx, { action: 'access.read', ...event });
      else await this.audit.recordSecurityEvent(ctx, { action: 'access.refused', ...event });
    }
    if (!found?.visible) throw notFound(ref.type);
    return { secrecy: found.secrecy };
  }

  /** Whether the viewer may change the object: they see it, and hold the change permission or are among its changers. */
  async canChange(viewer: Viewer, ref: ObjectRef, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const found = await this.look(viewer, ref, manager);
    return Boolean(found?.visible && found.changeable);
  }

  /** 404 when the viewer may not see the object, 403 when they see it but may not change it. */
  async assertCanChange(
    viewer: Principal,
    ref: ObjectRef,
    ctx: RequestContext,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ObjectFacts> {
    const facts = await this.assertCanRead(viewer, ref, ctx, manager);
    if (!(await this.canChange(viewer, ref, manager))) {
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, `You may not change this ${ref.type}`);
    }
    return facts;
  }

  /** The secrecy level of an object (null when its type is not classified), or undefined when it does not exist. */
  async secrecyOf(ref: ObjectRef, manager: EntityManager = this.dataSource.manager): Promise<SecrecyLevel | null | undefined> {
    const registered = this.types.get(ref.type);
    if (!registered) return undefined;
    const { table, secrecyColumn } = registered.access;
    const [row] = await manager.query(
      `SELECT ${secrecyColumn ? `o.${secrecyColumn}` : 'NULL'} AS secrecy FROM ${table} o WHERE o.id = $1`,
      [ref.id],
    );
    return row ? (row.secrecy as SecrecyLevel | null) : undefined;
  }

  // ---------- need-to-know grants ----------

  /** Grants a person need-to-know on an object, in the caller's transaction; granting again moves the expiry. */
  async grant(manager: EntityManager, grant: NewGrant, ctx: RequestContext): Promise<void> {
    await manager.query(
      `INSERT INTO access_grants (object_type, object_id, user_id, reason, expires_at, granted_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (object_type, object_id, user_id, reason)
       DO UPDATE SET expires_at = EXCLUDED.expires_at, granted_by = EXCLUDED.granted_by`,
      [grant.objectType, grant.objectId, grant.userId, grant.reason, grant.expiresAt ?? null, ctx.actor?.id ?? null],
    );
    await this.audit.record(manager, ctx, {
      action: 'access.grant',
      objectType: grant.objectType,
      objectId: grant.objectId,
      details: { userId: grant.userId, reason: grant.reason, expiresAt: grant.expiresAt?.toISOString() ?? null },
    });
  }

  /** Withdraws a person's grants on an object (of one reason, or all). */
  async revoke(manager: EntityManager, ref: ObjectRef, userId: string, ctx: RequestContext, reason?: GrantReason): Promise<number> {
    const removed = returnedRows(
      await manager.query(
        `DELETE FROM access_grants WHERE object_type = $1 AND object_id = $2 AND user_id = $3 AND ($4::varchar IS NULL OR reason = $4)
         RETURNING id`,
        [ref.type, ref.id, userId, reason ?? null],
      ),
    ).length;
    if (removed) {
      await this.audit.record(manager, ctx, {
        action: 'access.revoke',
        objectType: ref.type,
        objectId: ref.id,
        details: { userId, reason: reason ?? null },
      });
    }
    return removed;
  }

  // ---------- the rules ----------

  private async look(
    viewer: Viewer,
    ref: ObjectRef,
    manager: EntityManager,
  ): Promise<{ visible: boolean; changeable: boolean; secrecy: SecrecyLevel | null } | undefined> {
    const registered = this.types.get(ref.type);
    if (!registered) {
      this.logger.error(`Resource type ${ref.type} is not registered with the access service; nothing of it is visible`);
      return undefined;
    }
    const { access } = registered;
    const read = this.readCondition(viewer, ref.type, registered, 'o');
    const change = this.changeCondition(viewer, registered, 'o');
    const row = await manager
      .createQueryBuilder()
      .select('o.id', 'id')
      .addSelect(access.secrecyColumn ? `o.${access.secrecyColumn}` : 'NULL', 'secrecy')
      .addSelect(`COALESCE((${read.sql}), false)`, 'visible')
      .addSelect(`COALESCE((${change.sql}), false)`, 'changeable')
      .from(access.table, 'o')
      .where('o.id = :objectId', { objectId: ref.id })
      .setParameters({ ...read.params, ...change.params })
      .getRawOne<{ secrecy: SecrecyLevel | null; visible: boolean; changeable: boolean }>();
    if (!row) return undefined;
    if (row.visible && isClassified(row.secrecy) && !clearanceCovers(viewer.clearance, row.secrecy)) {
      // The SQL already checks clearance; this guards against a rule written wrongly.
      throw new Error(`Access rule of ${ref.type} let a person see above their clearance`);
    }
    return row;
  }

  private readCondition(viewer: Viewer, type: string, { access, declaration }: Registered, o: string): Condition {
    const n = ++this.counter;
    const p = (name: string) => `acc${n}_${name}`;
    const params: Record<string, unknown> = { [p('me')]: viewer.id, [p('type')]: type };
    const named = access.named ? `(${access.named(o, `:${p('me')}`)})` : 'false';
    const granted = `EXISTS (SELECT 1 FROM access_grants g WHERE g.object_type = :${p('type')} AND g.object_id = ${o}.id
      AND g.user_id = :${p('me')} AND (g.expires_at IS NULL OR g.expires_at > now()))`;
    const needToKnow = `(${named} OR ${granted})`;
    const readsAll = declaration.readAllPermission !== undefined && viewer.permissions.has(declaration.readAllPermission);

    const plain = (rule: Exclude<VisibilityRule, 'classified'>): string => {
      if (rule === 'school-wide' || readsAll) return 'true';
      if (rule === 'department') {
        if (!viewer.departmentId) return needToKnow;
        params[p('dept')] = viewer.departmentId;
        return `(${o}.${access.departmentColumn} = :${p('dept')} OR ${needToKnow})`;
      }
      return needToKnow;
    };
    if (declaration.rule !== 'classified') return { sql: plain(declaration.rule), params };

    // Classified: clearance covers the level, and need-to-know; 非密 objects follow the plain rule.
    const levels = SECRECY_LEVELS.filter((level) => level !== 'none' && clearanceCovers(viewer.clearance, level));
    const secrecy = `${o}.${access.secrecyColumn}`;
    const unclassified = `(${secrecy} = 'none' AND ${plain(declaration.unclassifiedRule ?? 'named-persons')})`;
    if (levels.length === 0) return { sql: unclassified, params };
    params[p('levels')] = levels;
    return { sql: `(${unclassified} OR (${secrecy} IN (:...${p('levels')}) AND ${needToKnow}))`, params };
  }

  private changeCondition(viewer: Viewer, { access, declaration }: Registered, o: string): Condition {
    if (declaration.changePermission && viewer.permissions.has(declaration.changePermission)) return { sql: 'true', params: {} };
    const me = `acc${++this.counter}_me`;
    const changers = access.changers ?? access.named;
    return { sql: changers ? `(${changers(o, `:${me}`)})` : 'false', params: { [me]: viewer.id } };
  }
}
