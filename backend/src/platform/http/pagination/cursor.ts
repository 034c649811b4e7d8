import { ErrorCode } from '@depot/contracts';
import { AppError } from '../app-error';

export type CursorValue = string | number | null;

/** An opaque keyset cursor: the sort value and id of the last row of a page. */
export function encodeCursor(sortValue: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: CursorValue; id: string } {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number' || decoded[0] === null) &&
      typeof decoded[1] === 'string' &&
      // A row id, or the "product:warehouse" pair that identifies a stock level.
      /^[0-9a-f-]{36}(:[0-9a-f-]{36})?$/i.test(decoded[1])
    ) {
      return { sortValue: decoded[0] as CursorValue, id: decoded[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new AppError(400, ErrorCode.InvalidCursor, 'Bad Request', 'The cursor is malformed or from another list.');
}
