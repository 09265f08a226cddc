import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnairesModule } from '../assessment/questionnaires/questionnaires.module';
import { DesensitisationController } from './desensitisation/desensitisation.controller';
import { DesensitisationService } from './desensitisation/desensitisation.service';
import { INFORMATION_ENTITIES } from './desensitisation/name-list.entity';
import { NOTICE_ENTITIES } from './notices/notice.entities';
import { NoticesController } from './notices/notices.controller';
import { NoticesService } from './notices/notices.service';
import { PublicNoticesController } from './notices/public-notices.controller';
import { PublicNoticesService } from './notices/public-notices.service';
import { BoardsController, NoticeBroadcastsController, NoticeLinksController, NoticeRobotsController } from './boards/boards.controller';
import { BOARD_ENTITIES } from './boards/boards.entities';
import { BoardsService } from './boards/boards.service';
import { LinkCheckerService } from './boards/link-checker.service';
import { NoticeEffectService } from './boards/notice-effect.service';
import { RobotsService } from './boards/robots.service';
import { CollectionController } from './collection/collection.controller';
import { CollectionService } from './collection/collection.service';
import { CommentsController } from './comments/comments.controller';
import { CommentsService } from './comments/comments.service';
import { CoverController } from './cover/cover.controller';
import { CoverService } from './cover/cover.service';
import { RECEPTION_ENTITIES } from './reception.entities';
import { VisitorsController } from './visitors/visitors.controller';
import { VisitorsService } from './visitors/visitors.service';
import { NoticeFiguresService } from './figures/notice-figures.service';

/**
 * Information (信息, guide 二(一)3, 二(四), 三(三)): desensitisation (INF-2), the check every published
 * text passes, in desensitisation/; notices and announcements with coverage and resend (INF-3, INF-4)
 * and the public website feed (INF-5) in notices/; bulletin boards (INF-6), group robots, the link
 * checker (INF-5) and the effect of publishing (INF-8) in boards/.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...INFORMATION_ENTITIES, ...NOTICE_ENTITIES, ...BOARD_ENTITIES, ...RECEPTION_ENTITIES]),
    QuestionnairesModule,
  ],
  controllers: [
    DesensitisationController,
    NoticesController,
    PublicNoticesController,
    BoardsController,
    NoticeRobotsController,
    NoticeLinksController,
    NoticeBroadcastsController,
    VisitorsController,
    CoverController,
    CollectionController,
    CommentsController,
  ],
  providers: [
    DesensitisationService,
    NoticesService,
    PublicNoticesService,
    BoardsService,
    RobotsService,
    LinkCheckerService,
    NoticeEffectService,
    VisitorsService,
    CoverService,
    CollectionService,
    CommentsService,
    NoticeFiguresService,
  ],
  exports: [DesensitisationService, NoticesService, NoticeFiguresService],
})
export class InformationModule {}
