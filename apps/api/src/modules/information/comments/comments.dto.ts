import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_COMMENT_KINDS, type NoticeCommentKind } from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class CreateNoticeCommentDto {
  /** A comment, or a question for the office to answer. */
  @ApiProperty({ enum: NOTICE_COMMENT_KINDS })
  @IsIn(NOTICE_COMMENT_KINDS)
  kind: NoticeCommentKind;

  @ApiProperty({ maxLength: 2000, example: '请问寒假值班表在哪里查看？' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  body: string;
}

export class AnswerNoticeCommentDto {
  @ApiProperty({ maxLength: 2000, example: '值班表已在附件中，请查阅。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  answer: string;
}

export class NoticeCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty({ enum: NOTICE_COMMENT_KINDS }) kind: NoticeCommentKind;
  @ApiProperty() body: string;
  @ApiProperty({ type: RefDto }) author: RefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) answeredBy: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  /** The viewer may answer it (an unanswered question, and the viewer is the office or the notice's author). */
  @ApiProperty() canAnswer: boolean;
}
