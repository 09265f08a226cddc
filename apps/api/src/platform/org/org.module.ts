import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { DepartmentsController } from './departments.controller';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { DepartmentsService } from './departments.service';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersImportService } from './users-import.service';
import { UsersService } from './users.service';

/** Accounts, departments and roles (PLT-1). Other modules use the exported services. */
@Module({
  imports: [TypeOrmModule.forFeature([User]), AuthModule],
  controllers: [UsersController, DepartmentsController, RolesController, DirectoryController],
  providers: [UsersService, UsersImportService, DepartmentsService, RolesService, DirectoryService],
  exports: [UsersService, DepartmentsService, RolesService],
})
export class OrgModule {}
