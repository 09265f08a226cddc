import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { ApplyLoanDto, LendableKindDto, LoanDto, QueryLoansDto, ReturnLoanDto } from './lending.dto';
import { LendingService } from './lending.service';
import { LOAN_REGISTER_SHEET } from './loans.sheet';

const LoanPage = Paginated(LoanDto);

/** Classified lending (涉密载体外借, ADM-10): applications, approval, the register, returns. */
@ApiTags('administration')
@Controller('administration/lending')
export class LendingController {
  constructor(private readonly lending: LendingService) {}

  @Get('kinds')
  @Authenticated({ permission: PERMISSIONS.ADMIN_LENDING_MANAGE })
  @ApiOperation({ operationId: 'listLendableKinds', summary: 'The kinds of item that can be lent', description: 'ADM-10.' })
  @ApiOkResponse({ type: [LendableKindDto] })
  @ApiErrors(403)
  listLendableKinds(): LendableKindDto[] {
    return this.lending.listKinds();
  }

  @Post('loans')
  @Authenticated({ permission: PERMISSIONS.ADMIN_LENDING_MANAGE })
  @ApiOperation({
    operationId: 'applyLoan',
    summary: 'Register a loan application (借阅申请) for a borrower',
    description:
      'ADM-10, ASM-6: the item (a lendable kind and id the applicant can see), borrower, purpose and due date; submitted for a ' +
      'leader’s approval (kind classified-lending). 422 LOAN_TRAINING_REQUIRED when the borrower has no confidentiality training ' +
      'this quarter, LOAN_ABOVE_CLEARANCE when the item is above their clearance, LOAN_ITEM_NOT_CLASSIFIED for an unclassified item.',
  })
  @ApiCreatedResponse({ type: LoanDto })
  @ApiErrors(400, 403, 422)
  applyLoan(@Body() dto: ApplyLoanDto, @Ctx() ctx: RequestContext): Promise<LoanDto> {
    return this.lending.apply(dto, ctx);
  }

  @Get('loans')
  @Authenticated()
  @ApiOperation({
    operationId: 'listLoans',
    summary: 'The loan register (借阅登记簿)',
    description:
      'ADM-10: one’s own loans, those one registered or approves; every loan for administration.lending.manage. ' +
      'By status, borrower, overdue and title; `format=xlsx` exports it.',
  })
  @Exportable(LOAN_REGISTER_SHEET, LoanPage)
  @ApiErrors(400)
  listLoans(
    @Query() query: QueryLoansDto,
    @Ctx() ctx: RequestContext,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof LoanPage>> | RowSource<LoanDto> {
    return exporting ? this.lending.listRows(query, ctx.actor!) : this.lending.list(query, ctx.actor!);
  }

  @Get('loans/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getLoan', summary: 'A loan', description: 'ADM-10: 404 for who may not see it.' })
  @ApiOkResponse({ type: LoanDto })
  @ApiErrors(400, 404)
  getLoan(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<LoanDto> {
    return this.lending.get(id, ctx);
  }

  @Post('loans/:id/return')
  @Authenticated({ permission: PERMISSIONS.ADMIN_LENDING_MANAGE })
  @ApiOperation({
    operationId: 'returnLoan',
    summary: 'Record the return (归还) of a loan',
    description: 'ADM-10: ends the borrower’s access to the item. 409 LOAN_NOT_ON_LOAN before approval or after the return.',
  })
  @ApiCreatedResponse({ type: LoanDto })
  @ApiErrors(400, 403, 404, 409)
  returnLoan(@Param('id', UUID_PARAM) id: string, @Body() dto: ReturnLoanDto, @Ctx() ctx: RequestContext): Promise<LoanDto> {
    return this.lending.returnLoan(id, dto, ctx);
  }
}
