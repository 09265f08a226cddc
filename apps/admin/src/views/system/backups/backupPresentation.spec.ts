import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../api/platformTypes';
import { durationSeconds, followBackup, keyFileOf, verificationTag } from './backupPresentation';

function backup(id: string, startedAt: string, status: Backup['status'], extra: Partial<Backup> = {}): Backup {
  return {
    id,
    method: 'base-backup',
    scope: 'full',
    location: `/data/backups/xiaoban-${id}`,
    status,
    sizeBytes: null,
    fileCount: null,
    verification: null,
    verifiedAt: null,
    error: null,
    triggeredBy: 'panel',
    startedAt,
    finishedAt: status === 'running' ? null : startedAt,
    ...extra,
  };
}

describe('backups', () => {
  it('NFR-8 tags verification: passed green, failed red, not verified grey', () => {
    expect(verificationTag('passed')).toEqual({ type: 'success', key: 'backups.verificationPassed' });
    expect(verificationTag('failed')).toEqual({ type: 'danger', key: 'backups.verificationFailed' });
    expect(verificationTag(null)).toEqual({ type: 'info', key: 'backups.notVerified' });
  });

  it('NFR-8 names the key file written beside the backup directory', () => {
    expect(keyFileOf('/data/backups/xiaoban-2026-10-08T02-00-00Z')).toBe('/data/backups/xiaoban-2026-10-08T02-00-00Z.key');
    expect(keyFileOf('/data/backups/xiaoban-1/')).toBe('/data/backups/xiaoban-1.key');
  });

  it('NFR-8 follows a requested backup until a new row has finished', () => {
    const requestedAt = Date.parse('2026-10-08T02:00:00Z');
    const old = backup('old', '2026-10-07T02:00:00Z', 'completed');
    const pending = { knownIds: new Set(['old']), requestedAt };

    expect(followBackup([old], pending)).toBe('waiting');
    expect(followBackup([backup('new', '2026-10-08T02:00:01Z', 'running'), old], pending)).toBe('running');
    const done = backup('new', '2026-10-08T02:00:01Z', 'completed', { verification: 'passed' });
    expect(followBackup([done, old], pending)).toBe(done);
    const failed = backup('new', '2026-10-08T02:00:01Z', 'failed', { error: 'disk full' });
    expect(followBackup([failed, old], pending)).toBe(failed);
    // A row listed before the request is never taken for the new one.
    expect(followBackup([backup('old', '2026-10-08T02:00:05Z', 'completed')], pending)).toBe('waiting');
  });

  it('NFR-8 tells how long a backup took', () => {
    expect(durationSeconds({ startedAt: '2026-10-08T02:00:00Z', finishedAt: '2026-10-08T02:01:05.400Z' })).toBe(65);
    expect(durationSeconds({ startedAt: '2026-10-08T02:00:00Z', finishedAt: null })).toBeNull();
  });
});
