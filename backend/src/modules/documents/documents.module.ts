import { Module } from '@nestjs/common';
import { DocumentRenderer } from './document-renderer';

/** Printing business documents (HTML and PDF from one template set); each module builds its own. */
@Module({
  providers: [DocumentRenderer],
  exports: [DocumentRenderer],
})
export class DocumentsModule {}
