import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type ApprovalStatus, type ApprovalStep } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { Exportable, ExportRequested } from '../excel/exportable';
import type { RowSource } from '../excel/row-source';
import type { SheetSpec } from '../excel/sheet';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  ApprovalChainDto,
  ApprovalRequestDto,
  ApprovalSummaryDto,
  ApproveDto,
  CopyDto,
  QueryApprovalsDto,
  ReasonDto,
  ResubmitDto,
  SubmitGeneralRequestDto,
  TransferDto,
  UpdateApprovalChainDto,
} from './approvals.dto';
import { ApprovalsService } from './approvals.service';

const ApprovalPage = Paginated(ApprovalSummaryDto);

const STATUS_NAMES: Record<ApprovalStatus, string> = {
  pending: '审批中',
  approved: '已通过',
  rejected: '已驳回',
  returned: '已退回',
  withdrawn: '已撤回',
};

/** Approval requests as a sheet (PLT-2, PLT-7). */
const APPROVALS_SHEET: SheetSpec<ApprovalSummaryDto> = {
  title: '审批记录',
  fileName: 'approvals',
  columns: [
    { header: '事项', key: 'title', width: 36 },
    { header: '类别', key: 'kindName', width: 14 },
    { header: '申请人', key: 'applicant.name', width: 12 },
    { header: '状态', key: 'status', width: 10, value: (r) => STATUS_NAMES[r.status] },
    { header: '当前环节', key: 'currentStepName', width: 16 },
    { header: '提交时间', key: 'createdAt', width: 18, format: 'datetime' },
    { header: '办结时间', key: 'decidedAt', width: 18, format: 'datetime' },
  ],
};

/**
 * Approval requests (PLT-2). Who may act is decided per request (applicant, the step's
 * approvers, people copied); a request one is no party to is 404.
 */
@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('chains')
  @Authenticated({ permission: PERMISSIONS.APPROVAL_CHAINS_MANAGE })
  @ApiOperation({ operationId: 'listApprovalChains', summary: 'Approval chains of every kind', description: 'PLT-2' })
  @ApiOkResponse({ type: [ApprovalChainDto] })
  listApprovalChains(): Promise<ApprovalChainDto[]> {
    return this.approvals.listChains() as Promise<ApprovalChainDto[]>;
  }

  @Put('chains/:kind')
  @Authenticated({ permission: PERMISSIONS.APPROVAL_CHAINS_MANAGE })
  @ApiOperation({
    operationId: 'updateApprovalChain',
    summary: 'Edit the chain of a kind',
    description:
      'PLT-2: steps with approvers (role, head of department, named people), any/all (会签), conditions and time limits. Requests already submitted keep their steps.',
  })
  @ApiOkResponse({ type: ApprovalChainDto })
  @ApiErrors(400, 404, 409)
  updateApprovalChain(
    @Param('kind') kind: string,
    @Body() dto: UpdateApprovalChainDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ApprovalChainDto> {
    return this.approvals.updateChain(kind, dto.steps as ApprovalStep[], dto.version, ctx) as Promise<ApprovalChainDto>;
  }

  @Get('requests')
  @Authenticated()
  @ApiOperation({
    operationId: 'listApprovalRequests',
    summary: 'Approval requests',
    description: 'PLT-2: mine, to me, copied to me, or all I may see.',
  })
  @Exportable(APPROVALS_SHEET, ApprovalPage)
  @ApiErrors(400)
  listApprovalRequests(
    @Query() query: QueryApprovalsDto,
    @Ctx() ctx: RequestContext,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof ApprovalPage>> | RowSource<ApprovalSummaryDto> {
    return exporting ? this.approvals.exportRows(query, ctx.actor!) : this.approvals.list(query, ctx.actor!);
  }

  @Post('requests')
  @Authenticated({ permission: PERMISSIONS.APPROVALS_SUBMIT })
  @Idempotent()
  @ApiOperation({
    operationId: 'submitGeneralRequest',
    summary: 'Submit a general request (事项请示)',
    description:
      "PLT-2: goes to the head of the applicant's department, then a school leader (as the chain says). Other kinds are submitted by their modules.",
  })
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 409)
  submitGeneralRequest(@Body() dto: SubmitGeneralRequestDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.submitGeneralRequest(dto.title, dto.content, ctx);
  }

  @Get('requests/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getApprovalRequest',
    summary: 'An approval request with its record',
    description: 'PLT-2: steps, tasks, every decision with actor, time and comment, and the actions the caller may take.',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404)
  getApprovalRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.get(id, ctx.actor!);
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'approveRequest',
    summary: 'Approve',
    description: 'PLT-2: by an approver of the current step. Two approvers acting at once: one decision counts, the other gets 409.',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  approveRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: ApproveDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.approve(id, dto.comment, ctx);
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'rejectRequest', summary: 'Reject, with a reason', description: 'PLT-2: final.' })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  rejectRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.reject(id, dto.reason, ctx);
  }

  @Post('requests/:id/return')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'returnRequest',
    summary: 'Return for changes (退回), with a reason',
    description: 'PLT-2: the applicant changes and resubmits it.',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  returnRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.returnForChanges(id, dto.reason, ctx);
  }

  @Post('requests/:id/resubmit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'resubmitRequest',
    summary: 'Resubmit a returned request',
    description: 'PLT-2: by the applicant; the chain starts again.',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  resubmitRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: ResubmitDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.resubmit(id, { title: dto.title, data: dto.content !== undefined ? { content: dto.content } : undefined }, ctx);
  }

  @Post('requests/:id/withdraw')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'withdrawRequest', summary: 'Withdraw', description: 'PLT-2: by the applicant, before the first decision.' })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  withdrawRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.withdraw(id, ctx);
  }

  @Post('requests/:id/transfer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'transferRequest', summary: 'Transfer my task to someone else (转办)', description: 'PLT-2' })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  transferRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: TransferDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.transfer(id, dto.toUserId, dto.comment, ctx);
  }

  @Post('requests/:id/copy')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'copyRequest',
    summary: 'Copy to others (抄送)',
    description: 'PLT-2: they are notified and may follow the request.',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiErrors(400, 404, 409)
  copyRequest(@Param('id', UUID_PARAM) id: string, @Body() dto: CopyDto, @Ctx() ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.approvals.copy(id, dto.userIds, ctx);
  }
}
