import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AdoptedYearDto,
  AwardInnovationDto,
  InnovationDto,
  QueryAdoptedDto,
  QueryInnovationsDto,
  RecordImplementationDto,
  ReviewInnovationDto,
  SubmitInnovationDto,
} from './innovation.dto';
import { InnovationService } from './innovation.service';

const InnovationPage = Paginated(InnovationDto);
const MANAGE = { permission: PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE };

/** Innovation suggestions and awards (创新建议, ASM-7). */
@ApiTags('assessment')
@Controller('assessment/innovation')
export class InnovationController {
  constructor(private readonly innovation: InnovationService) {}

  @Post()
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    operationId: 'submitInnovation',
    summary: 'Submit an innovation suggestion',
    description: 'ASM-7: any member of staff; title, description and expected benefit.',
  })
  @ApiCreatedResponse({ type: InnovationDto })
  @ApiErrors(400)
  submitInnovation(@Body() dto: SubmitInnovationDto, @Ctx() ctx: RequestContext): Promise<InnovationDto> {
    return this.innovation.submit(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listInnovations',
    summary: 'List innovation suggestions',
    description: 'ASM-7: the reviewers see all; anyone else their own. Newest first; by status, year, mine.',
  })
  @ApiOkResponse({ type: InnovationPage })
  @ApiErrors(400)
  listInnovations(@Query() query: QueryInnovationsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof InnovationPage>> {
    return this.innovation.list(query, ctx.actor!);
  }

  @Get('adopted')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listAdoptedInnovations',
    summary: 'The year’s adopted suggestions and awards',
    description: 'ASM-7: adopted in the year (by review date), with their awards and the year’s totals.',
  })
  @ApiOkResponse({ type: AdoptedYearDto })
  @ApiErrors(400, 403)
  listAdoptedInnovations(@Query() query: QueryAdoptedDto, @Ctx() ctx: RequestContext): Promise<AdoptedYearDto> {
    return this.innovation.adopted(query, ctx);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getInnovation',
    summary: 'An innovation suggestion',
    description: 'ASM-7: 404 unless yours or a reviewer’s.',
  })
  @ApiOkResponse({ type: InnovationDto })
  @ApiErrors(400, 404)
  getInnovation(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<InnovationDto> {
    return this.innovation.get(id, ctx);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'reviewInnovation', summary: 'Adopt it, or not with a reason', description: 'ASM-7.' })
  @ApiOkResponse({ type: InnovationDto })
  @ApiErrors(400, 403, 404, 409)
  reviewInnovation(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReviewInnovationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InnovationDto> {
    return this.innovation.review(id, dto, ctx);
  }

  @Post(':id/implementation')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'recordInnovationImplementation',
    summary: 'Record its implementation',
    description: 'ASM-7: once adopted.',
  })
  @ApiOkResponse({ type: InnovationDto })
  @ApiErrors(400, 403, 404, 409)
  recordInnovationImplementation(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordImplementationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InnovationDto> {
    return this.innovation.implement(id, dto, ctx);
  }

  @Post(':id/award')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'awardInnovation',
    summary: 'Record its award',
    description: 'ASM-7: level, prize money (fen) and/or certificate, date; once adopted or implemented.',
  })
  @ApiOkResponse({ type: InnovationDto })
  @ApiErrors(400, 403, 404, 409)
  awardInnovation(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AwardInnovationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InnovationDto> {
    return this.innovation.award(id, dto, ctx);
  }
}
