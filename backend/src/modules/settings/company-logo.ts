import PDFDocument from 'pdfkit';
import { COMPANY_LIMITS, ErrorCode } from '@depot/contracts';
import { AppError, ValidationError } from '../../platform/http/app-error';

export type LogoType = (typeof COMPANY_LIMITS.logoTypes)[number];

/** The bytes each accepted image type starts with: the declared type must match the content. */
const SIGNATURES: Record<LogoType, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export function isLogoType(value: string): value is LogoType {
  return (COMPANY_LIMITS.logoTypes as readonly string[]).includes(value);
}

/**
 * Checks an uploaded logo: one of the accepted types (415 otherwise), within the size limit
 * (413), and really an image of the type it claims (400), since it is served to browsers and
 * embedded in PDFs. SVG is not accepted: it can carry script.
 */
export function checkLogo(contentType: string | undefined, body: unknown): { type: LogoType; bytes: Buffer } {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!isLogoType(type)) {
    throw new AppError(
      415,
      ErrorCode.UnsupportedMediaType,
      'Unsupported Media Type',
      `A logo is sent as ${COMPANY_LIMITS.logoTypes.join(' or ')}.`,
    );
  }
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError([{ field: 'body', message: 'the request body is the image file', code: 'required' }]);
  }
  if (body.length > COMPANY_LIMITS.logoMaxBytes) {
    throw new AppError(
      413,
      ErrorCode.PayloadTooLarge,
      'Payload Too Large',
      `A logo may be at most ${COMPANY_LIMITS.logoMaxBytes / 1024} KiB.`,
    );
  }
  const signature = SIGNATURES[type];
  if (signature.some((byte, index) => body[index] !== byte) || !opensInPdf(body)) {
    throw new ValidationError([
      { field: 'body', message: `the file is not a ${type === 'image/png' ? 'PNG' : 'JPEG'} image`, code: 'image' },
    ]);
  }
  return { type, bytes: body };
}

/** Whether pdfkit (which puts the logo on every document) can read the image's header. */
function opensInPdf(bytes: Buffer): boolean {
  try {
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(image: Buffer): unknown }).openImage(bytes);
    return true;
  } catch {
    return false;
  }
}
