import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../platform/http/api-responses';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../platform/auth/decorators';
import { UUID_PARAM } from '../../../platform/http/params';
import { PublicNoticesService } from './public-notices.service';

/**
 * The public notice pages and feeds (INF-5), for the school website to link and embed. Deliberately
 * public; they show only notices published to the website channel. ETag and Cache-Control let the
 * website and feed readers poll cheaply.
 */
@ApiTags('public')
@Controller('public/notices')
export class PublicNoticesController {
  constructor(private readonly publicNotices: PublicNoticesService) {}

  /** Sends the body with its ETag, or 304 when the caller has it already. */
  private send(reply: FastifyReply, ifNoneMatch: string | undefined, contentType: string, body: string): string {
    const etag = this.publicNotices.etagOf(body);
    reply.header('etag', etag).header('cache-control', 'public, max-age=300').header('content-type', contentType);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      reply.status(304);
      return '';
    }
    return body;
  }

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'getPublicNoticesPage',
    summary: 'The public notices page (HTML)',
    description: 'INF-5: public; ETag and Cache-Control; 304 for a matching If-None-Match.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  async page(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.send(reply, ifNoneMatch, 'text/html; charset=utf-8', this.publicNotices.listPage(await this.publicNotices.latest()));
  }

  @Get('feed.json')
  @Public()
  @ApiOperation({
    operationId: 'getPublicNoticesJsonFeed',
    summary: 'The public notices as a JSON Feed 1.1',
    description: 'INF-5: public; ETag and Cache-Control; 304 for a matching If-None-Match.',
  })
  @ApiProduces('application/feed+json')
  @ApiOkResponse({ schema: { type: 'string' } })
  async json(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.send(
      reply,
      ifNoneMatch,
      'application/feed+json; charset=utf-8',
      this.publicNotices.jsonFeed(await this.publicNotices.latest()),
    );
  }

  @Get('feed.rss')
  @Public()
  @ApiOperation({
    operationId: 'getPublicNoticesRss',
    summary: 'The public notices as RSS 2.0',
    description: 'INF-5: public; ETag and Cache-Control; 304 for a matching If-None-Match.',
  })
  @ApiProduces('application/rss+xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async rss(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.send(reply, ifNoneMatch, 'application/rss+xml; charset=utf-8', this.publicNotices.rss(await this.publicNotices.latest()));
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    operationId: 'getPublicNoticePage',
    summary: 'One public notice (HTML); 404 for anything not public',
    description: 'INF-5: public; ETag and Cache-Control; 304 for a matching If-None-Match.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404)
  async notice(
    @Param('id', UUID_PARAM) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(reply, ifNoneMatch, 'text/html; charset=utf-8', this.publicNotices.noticePage(await this.publicNotices.one(id)));
  }
}
