import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';
}

const CACHE_MS = 1000;
const CHECK_TIMEOUT_MS = 2000;

/**
 * `GET /api/health`: 200 while the database answers, 503 otherwise. The answer is cached for up
 * to a second, so that a load balancer polling hard does not load the database.
 */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  private last: { at: number; ok: boolean } | undefined;
  private pending: Promise<boolean> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'getHealth', summary: 'Health check', description: 'NFR-6: 200 when the database answers, 503 otherwise.' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const ok = await this.databaseAnswers();
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable' };
  }

  private async databaseAnswers(): Promise<boolean> {
    if (this.last && Date.now() - this.last.at < CACHE_MS) return this.last.ok;
    this.pending ??= this.check().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async check(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
    const ok = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
    clearTimeout(timer);
    this.last = { at: Date.now(), ok };
    return ok;
  }
}
