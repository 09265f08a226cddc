import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { schoolDateOf } from '@xiaoban/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../http/request-context';
import { NOTE_MARK } from './excel.constants';
import { loadExcelJS } from './load-exceljs';
import { EXPORT_BATCH, loadRows, orderedIds, type RowSource } from './row-source';
import { cellValue, type SheetSpec } from './sheet';

export interface ExportedWorkbook {
  /** The .xlsx as it is written. */
  stream: PassThrough;
  fileName: string;
  asciiFileName: string;
  /** Data rows in the sheet. */
  rows: number;
  /** True when more rows matched than EXPORT_MAX_ROWS, and the sheet holds only the first ones. */
  truncated: boolean;
}

/**
 * Writes a list's rows to an .xlsx as a stream (PLT-7). Every row is read in one read-only
 * REPEATABLE READ transaction, so the sheet is one consistent snapshot even while others write;
 * the rows are written 1,000 at a time, so a 100,000-row export never sits in memory.
 */
@Injectable()
export class ExcelExportService {
  private readonly logger = new Logger('ExcelExport');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Finds the rows (so the response can say how many, and whether the limit cut them) and starts
   * writing. Data leaving the system is recorded in the audit log with the filters used.
   */
  async export<T>(
    source: RowSource<T>,
    spec: SheetSpec<T>,
    ctx: RequestContext,
    filters: Record<string, unknown>,
  ): Promise<ExportedWorkbook> {
    const limit = this.config.exportMaxRows;
    const runner = this.dataSource.createQueryRunner();
    let ids: string[];
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      ids = await orderedIds(source, runner, limit);
    } catch (error) {
      await this.finish(runner, false);
      throw error;
    }
    const truncated = ids.length > limit;
    if (truncated) ids = ids.slice(0, limit);
    await this.audit.record(this.dataSource.manager, ctx, {
      action: 'excel.export',
      objectType: spec.fileName,
      details: { rows: ids.length, truncated, filters },
    });

    const stream = new PassThrough();
    void this.write(stream, source, spec, runner, ids, truncated);
    const date = schoolDateOf(new Date(), this.config.schoolTimeZone).replaceAll('-', '');
    return { stream, fileName: `${spec.title}-${date}.xlsx`, asciiFileName: `${spec.fileName}-${date}.xlsx`, rows: ids.length, truncated };
  }

  private async write<T>(
    out: PassThrough,
    source: RowSource<T>,
    spec: SheetSpec<T>,
    runner: QueryRunner,
    ids: string[],
    truncated: boolean,
  ) {
    let released = false;
    try {
      const ExcelJS = await loadExcelJS();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      workbook.creator = '校办 xiaoban';
      const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      const timeZone = this.config.schoolTimeZone;
      for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
        if (out.destroyed) return; // the client went away: stop reading
        const rows = await loadRows(source, runner, ids.slice(i, i + EXPORT_BATCH));
        for (const row of rows) sheet.addRow(spec.columns.map((c) => cellValue(row, c, timeZone))).commit();
        // Let a slow client catch up before reading the next batch.
        if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      }
      // Every row is read: give the connection back before the download ends.
      released = true;
      await this.finish(runner, true);
      if (truncated) {
        const limit = this.config.exportMaxRows;
        const note = sheet.addRow([`${NOTE_MARK} 已达导出上限：只导出了前 ${limit} 行。请缩小筛选范围后分批导出。`]);
        note.font = { italic: true, color: { argb: 'FFC00000' } };
        note.commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      // The status line is sent by now: all that is left is to break the download off.
      this.logger.error({ err: error }, `export of ${spec.fileName} failed`);
      out.destroy(error as Error);
    } finally {
      // Never an unhandled rejection: nobody awaits this.
      if (!released) await this.finish(runner, false).catch((error) => this.logger.error({ err: error }, 'export cleanup failed'));
    }
  }

  private async finish(runner: QueryRunner, commit: boolean): Promise<void> {
    try {
      if (runner.isTransactionActive) await (commit ? runner.commitTransaction() : runner.rollbackTransaction());
    } finally {
      await runner.release();
    }
  }
}
