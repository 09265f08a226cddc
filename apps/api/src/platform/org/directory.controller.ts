import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Paginated } from '../http/pagination';
import { DirectoryDepartmentDto, DirectoryPersonDto, QueryDirectoryDto } from './directory.dto';
import { DirectoryService } from './directory.service';

const DirectoryPage = Paginated(DirectoryPersonDto);

/** Open to every signed-in person: choosing whom to write to or copy needs no admin rights. */
@ApiTags('org')
@Controller('org/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people')
  @Authenticated()
  @ApiOperation({
    operationId: 'listDirectoryPeople',
    summary: 'Staff directory (通讯录)',
    description: 'ADM-1, ADM-2: active colleagues with department and positions, for pickers; no contact details or roles.',
  })
  @ApiOkResponse({ type: DirectoryPage })
  @ApiErrors(400)
  listDirectoryPeople(@Query() query: QueryDirectoryDto): Promise<InstanceType<typeof DirectoryPage>> {
    return this.directory.people(query);
  }

  @Get('departments')
  @Authenticated()
  @ApiOperation({
    operationId: 'listDirectoryDepartments',
    summary: 'Departments for pickers',
    description: 'ADM-1, ADM-2: the department tree, flat.',
  })
  @ApiOkResponse({ type: [DirectoryDepartmentDto] })
  listDirectoryDepartments(): Promise<DirectoryDepartmentDto[]> {
    return this.directory.departments();
  }
}
