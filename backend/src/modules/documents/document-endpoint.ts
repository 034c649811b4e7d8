import { applyDecorators, ParseEnumPipe } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { DOCUMENT_FORMATS } from './document-renderer';

/** Validates the `{format}` path segment of a document endpoint (`pdf` or `html`; else 400). */
export const documentFormatPipe = new ParseEnumPipe(
  Object.fromEntries(DOCUMENT_FORMATS.map((format) => [format, format])),
);

/** OpenAPI of an endpoint that prints a document as `pdf` (a download) or `html` (a page). */
export function ApiDocument(title: string): MethodDecorator {
  return applyDecorators(
    ApiParam({
      name: 'format',
      enum: DOCUMENT_FORMATS,
      description: '`pdf` to download, `html` to show.',
      example: 'pdf',
    }),
    ApiOkResponse({
      description: `The ${title}, as PDF or HTML from the same template.`,
      content: {
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
        'text/html': {
          schema: {
            type: 'string',
            example: `<!doctype html><html lang="en"><head><title>${title}</title></head><body>…</body></html>`,
          },
        },
      },
    }),
  );
}
