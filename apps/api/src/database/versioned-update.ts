import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { notFound, versionConflict } from '../platform/http/api-error';

/**
 * Optimistic locking done right: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND
 * version = $2`. TypeORM's save() does not check the version (typeorm#2848), so every edit of a
 * versioned record goes through here. No row changed: 404 if the record is gone, 409 otherwise.
 */
export async function updateVersioned<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  what = 'record',
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected === 1) return;
  const exists = await manager.getRepository(entity).exists({ where: { id } as never });
  throw exists ? versionConflict() : notFound(what);
}
