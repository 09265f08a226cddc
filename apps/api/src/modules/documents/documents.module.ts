import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncomingController } from './incoming/incoming.controller';
import { IncomingDocument, IncomingDocumentCounter, IncomingDocumentRoute } from './incoming/incoming.entity';
import { IncomingService } from './incoming/incoming.service';

/** Documents (公文, guide 二(二) and 三(一)): incoming documents (收文) so far. */
@Module({
  imports: [TypeOrmModule.forFeature([IncomingDocument, IncomingDocumentRoute, IncomingDocumentCounter])],
  controllers: [IncomingController],
  providers: [IncomingService],
  exports: [IncomingService],
})
export class DocumentsModule {}
