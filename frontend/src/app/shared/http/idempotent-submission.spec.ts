import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode } from '@depot/contracts';
import { firstValueFrom, of, throwError } from 'rxjs';

import { IN_PROGRESS_RETRY_MS, IdempotentSubmission, newIdempotencyKey } from './idempotent-submission';

function httpError(status: number, code?: string): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: status === 0 ? null : { title: 'Problem', status, detail: `detail ${code ?? ''}`, code },
  });
}

describe('IdempotentSubmission', () => {
  afterEach(() => jest.useRealTimers());

  it('makes version 4 UUIDs', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('sends the same key again after a network error, so a retry is applied once', async () => {
    const submission = new IdempotentSubmission();
    const keys: string[] = [];
    await expect(
      firstValueFrom(submission.send((key) => (keys.push(key), throwError(() => httpError(0))))),
    ).rejects.toMatchObject({ status: 0 });
    await firstValueFrom(submission.send((key) => (keys.push(key), of('ok'))));

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps the key after a server failure whose outcome is unknown', async () => {
    const submission = new IdempotentSubmission();
    const first = submission.key;
    await expect(firstValueFrom(submission.send(() => throwError(() => httpError(503))))).rejects.toBeTruthy();
    expect(submission.key).toBe(first);
  });

  it('starts a new submission after the server refused one (nothing was moved)', async () => {
    const submission = new IdempotentSubmission();
    const first = submission.key;
    await expect(
      firstValueFrom(submission.send(() => throwError(() => httpError(409, ErrorCode.InsufficientStock)))),
    ).rejects.toMatchObject({ code: ErrorCode.InsufficientStock, detail: `detail ${ErrorCode.InsufficientStock}` });
    expect(submission.key).not.toBe(first);
  });

  it('starts a new submission after the server says the key was used for other values', async () => {
    const submission = new IdempotentSubmission();
    const first = submission.key;
    await expect(
      firstValueFrom(submission.send(() => throwError(() => httpError(422, ErrorCode.IdempotencyKeyReused)))),
    ).rejects.toMatchObject({ code: ErrorCode.IdempotencyKeyReused });
    expect(submission.key).not.toBe(first);
  });

  it('asks again with the same key while the first request is still in progress', async () => {
    jest.useFakeTimers();
    const submission = new IdempotentSubmission();
    const keys: string[] = [];
    const result = firstValueFrom(
      submission.send((key) => {
        keys.push(key);
        return keys.length < 3 ? throwError(() => httpError(409, ErrorCode.IdempotencyKeyInProgress)) : of('done');
      }),
    );
    await jest.advanceTimersByTimeAsync(IN_PROGRESS_RETRY_MS * 3);

    await expect(result).resolves.toBe('done');
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });
});
