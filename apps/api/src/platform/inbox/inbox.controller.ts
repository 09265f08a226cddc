import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Paginated } from '../http/pagination';
import { Ctx, type RequestContext } from '../http/request-context';
import { InboxCountsDto, InboxItemDto, QueryInboxDto } from './inbox.dto';
import { InboxService } from './inbox.service';

const InboxPage = Paginated(InboxItemDto);

/** Everyone has an inbox: the routes need a token but no permission, and show only one's own items. */
@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listMyInbox',
    summary: 'My inbox',
    description: 'PLT-3: to do (most urgent, then nearest deadline first, overdue marked) or done.',
  })
  @ApiOkResponse({ type: InboxPage })
  @ApiErrors(400)
  listMyInbox(@Query() query: QueryInboxDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof InboxPage>> {
    return this.inbox.list(ctx.actor!.id, query);
  }

  @Get('counts')
  @Authenticated()
  @ApiOperation({ operationId: 'countMyInbox', summary: 'My inbox counts', description: 'PLT-3: the badge in the header.' })
  @ApiOkResponse({ type: InboxCountsDto })
  countMyInbox(@Ctx() ctx: RequestContext): Promise<InboxCountsDto> {
    return this.inbox.counts(ctx.actor!.id);
  }
}
