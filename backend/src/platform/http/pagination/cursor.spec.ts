import { AppError } from '../app-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  const id = '01a209e6-ba3a-7273-b003-45a3244a49d6';

  it.each([['2026-11-23T10:00:00.123Z'], [12900], [null], ['name with "quotes" and ünïcode']])(
    'round-trips the sort value %p',
    (value) => {
      expect(decodeCursor(encodeCursor(value, id))).toEqual({ sortValue: value, id });
    },
  );

  it.each([
    ['not base64 json', 'not-a-cursor'],
    ['a wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['a non-uuid id', Buffer.from(JSON.stringify(['x', "1' OR '1'='1"])).toString('base64url')],
    ['an object sort value', Buffer.from(JSON.stringify([{ $gt: 1 }, id])).toString('base64url')],
  ])('refuses %s with a 400 error', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).code).toBe('REQUEST.INVALID_CURSOR');
    }
  });
});
