import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  StreamableFile,
  UseInterceptors,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { badRequest } from '../http/api-error';
import { requestContextOf } from '../http/request-context';
import { ExcelExportService } from './excel-export.service';
import { XLSX_MIME } from './excel.constants';
import { isRowSource } from './row-source';
import type { SheetSpec } from './sheet';

const EXPORT_SPEC = 'xiaoban:export-spec';
const EXPORTING = Symbol('xiaoban:exporting');

type ExportingRequest = FastifyRequest & { [EXPORTING]?: boolean };

/** `filename*` for the UTF-8 name (RFC 6266/5987), `filename` for clients that only read ASCII. */
function contentDisposition(fileName: string, asciiFileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `?format=xlsx` on a list route (PLT-7). Takes `format` out of the query before the route's
 * query DTO is validated, so every list keeps its own DTO; flags the request for
 * `@ExportRequested()`; and turns the row source the route then returns into a streamed .xlsx.
 */
@Injectable()
export class ExportInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly exporter: ExcelExportService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ExportingRequest>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const format = query.format ?? 'json';
    delete query.format;
    if (format === 'json') return next.handle();
    if (format !== 'xlsx') throw badRequest('Unknown format', { format: ['format must be one of: json, xlsx'] });

    request[EXPORTING] = true;
    const spec = this.reflector.get<SheetSpec<unknown>>(EXPORT_SPEC, context.getHandler());
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      mergeMap(async (result) => {
        if (!isRowSource(result)) throw new Error(`${context.getHandler().name} is @Exportable but returned no row source for an export`);
        const workbook = await this.exporter.export(result, spec, requestContextOf(request), filters);
        void reply
          .header('x-export-rows', String(workbook.rows))
          .header('x-export-truncated', String(workbook.truncated))
          .header('access-control-expose-headers', 'Content-Disposition, X-Export-Rows, X-Export-Truncated');
        return new StreamableFile(workbook.stream, {
          type: XLSX_MIME,
          disposition: contentDisposition(workbook.fileName, workbook.asciiFileName),
        });
      }),
    );
  }
}

/**
 * Makes a list route exportable as .xlsx with the same filters (PLT-7), and documents it: the
 * `format` query parameter and both response types. Replaces the route's `@ApiOkResponse`; the
 * route returns `exporting ? service.exportRows(query) : service.list(query)`.
 */
export function Exportable<T>(spec: SheetSpec<T>, page: Type<unknown>) {
  const columns = spec.columns.map((c) => c.header).join('、');
  return applyDecorators(
    SetMetadata(EXPORT_SPEC, spec),
    UseInterceptors(ExportInterceptor),
    ApiExtraModels(page),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['json', 'xlsx'],
      description: 'PLT-7: `xlsx` answers every matching row (paging ignored) as an Excel file, up to EXPORT_MAX_ROWS',
    }),
    ApiResponse({
      status: 200,
      type: undefined,
      description: `A page of rows; with \`format=xlsx\` the sheet「${spec.title}」(${columns}), dates in the school's time zone`,
      headers: {
        'X-Export-Rows': { description: 'xlsx only: data rows in the sheet', schema: { type: 'integer' } },
        'X-Export-Truncated': {
          description: 'xlsx only: true when more rows matched than EXPORT_MAX_ROWS (the sheet then ends with a note)',
          schema: { type: 'boolean' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(page) } },
        [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
}

/** True in an @Exportable route when the caller asked for `format=xlsx`. */
export const ExportRequested = createParamDecorator(
  (_data: unknown, context: ExecutionContext): boolean => context.switchToHttp().getRequest<ExportingRequest>()[EXPORTING] === true,
);
