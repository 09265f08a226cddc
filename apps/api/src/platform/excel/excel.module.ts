import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ExcelExportService } from './excel-export.service';
import { IMPORT_MAX_BYTES, XLSX_MIME } from './excel.constants';
import { ExportInterceptor } from './exportable';

/**
 * Excel export and import for every module (PLT-7): `@Exportable` list routes, and the helpers
 * of workbook-import.ts. Accepts an .xlsx as a raw request body, besides multipart.
 */
@Global()
@Module({
  providers: [ExcelExportService, ExportInterceptor],
  exports: [ExcelExportService, ExportInterceptor],
})
export class ExcelModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify || fastify.hasContentTypeParser(XLSX_MIME)) return;
    // Larger than the JSON body limit: a workbook of a few thousand rows is a few hundred KB.
    fastify.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
  }
}
