import { Module } from '@nestjs/common';
import { DocumentMailService } from './document-mail.service';
import { DocumentRenderer } from './document-renderer';

/**
 * Printing business documents (HTML and PDF from one template set) and e-mailing them to
 * partners; each module builds its own documents from its records.
 */
@Module({
  providers: [DocumentRenderer, DocumentMailService],
  exports: [DocumentRenderer, DocumentMailService],
})
export class DocumentsModule {}
