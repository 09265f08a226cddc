import { Module } from '@nestjs/common';
import { BigramFrequencies } from './bigram-frequencies';
import { DocumentTextsService } from './document-texts.service';

/** Body-text search of documents (DOC-8): extraction jobs and the `document_texts` index. */
@Module({ providers: [DocumentTextsService, BigramFrequencies], exports: [DocumentTextsService, BigramFrequencies] })
export class DocumentSearchModule {}
