import type { Backup, BackupStatus, BackupVerification } from '../../../api/platformTypes';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const BACKUP_STATUS_TAGS: Record<BackupStatus, TagType> = {
  running: 'primary',
  completed: 'success',
  failed: 'danger',
};

/** How a backup's check reads: passed green, failed red, never checked grey. */
export function verificationTag(verification: BackupVerification): { type: TagType; key: string } {
  if (verification === 'passed') return { type: 'success', key: 'backups.verificationPassed' };
  if (verification === 'failed') return { type: 'danger', key: 'backups.verificationFailed' };
  return { type: 'info', key: 'backups.notVerified' };
}

/** Where the file encryption key of a backup is written: beside its directory, `<dir>.key`. */
export function keyFileOf(location: string): string {
  return `${location.replace(/[/\\]+$/, '')}.key`;
}

/** Whole seconds the backup took, or null while it runs. */
export function durationSeconds(backup: Pick<Backup, 'startedAt' | 'finishedAt'>): number | null {
  if (!backup.finishedAt) return null;
  const ms = new Date(backup.finishedAt).getTime() - new Date(backup.startedAt).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}

/** A backup asked for from the panel, being followed until it ends. */
export interface PendingBackup {
  /** Backups listed before the request: the new one is not among them. */
  knownIds: ReadonlySet<string>;
  /** When the request was sent (epoch ms, the browser's clock). */
  requestedAt: number;
}

/** Clocks of the browser and the server may disagree by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How far the requested backup got, read off the newest rows: 'waiting' (queued, not listed yet),
 * 'running', or the finished row (completed or failed).
 */
export function followBackup(rows: readonly Backup[], pending: PendingBackup): 'waiting' | 'running' | Backup {
  const fresh = rows.filter(
    (row) => !pending.knownIds.has(row.id) && new Date(row.startedAt).getTime() >= pending.requestedAt - CLOCK_SKEW_MS,
  );
  if (fresh.length === 0) return 'waiting';
  const finished = fresh.find((row) => row.status !== 'running');
  if (fresh.some((row) => row.status === 'running') || !finished) return 'running';
  return finished;
}
