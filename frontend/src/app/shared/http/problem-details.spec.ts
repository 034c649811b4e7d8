import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';

import { UNAVAILABLE_DETAIL, UNREACHABLE_DETAIL, problemMessage, toProblemDetails } from './problem-details';

describe('toProblemDetails', () => {
  it('reads a problem+json body', () => {
    const error = new HttpErrorResponse({
      status: 400,
      headers: new HttpHeaders({ 'Content-Type': 'application/problem+json' }),
      error: {
        type: 'https://depot.dev/problems/validation',
        title: 'Validation failed',
        status: 400,
        detail: 'The request has 2 invalid fields.',
        code: 'REQUEST.VALIDATION_FAILED',
        requestId: 'req-1',
        errors: [{ field: 'sku', message: 'must match pattern', code: 'pattern' }, { field: 'name' }, 'garbage'],
      },
    });

    expect(toProblemDetails(error)).toEqual({
      type: 'https://depot.dev/problems/validation',
      title: 'Validation failed',
      status: 400,
      detail: 'The request has 2 invalid fields.',
      code: 'REQUEST.VALIDATION_FAILED',
      requestId: 'req-1',
      errors: [{ field: 'sku', message: 'must match pattern', code: 'pattern' }],
    });
  });

  it('explains an outage: nothing was changed when the server says it is unavailable (503)', () => {
    const problem = toProblemDetails(
      new HttpErrorResponse({
        status: 503,
        headers: new HttpHeaders({ 'Content-Type': 'application/problem+json', 'Retry-After': '5' }),
        error: {
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'The service is temporarily unavailable; retry shortly.',
          code: 'SERVER.UNAVAILABLE',
          requestId: 'req-9',
        },
      }),
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Depot is unavailable',
      status: 503,
      detail: UNAVAILABLE_DETAIL,
      code: 'SERVER.UNAVAILABLE',
      requestId: 'req-9',
    });
    expect(problemMessage(problem)).toMatch(/unavailable right now, so nothing was changed/);
  });

  it.each([
    ['a network failure', 0, new ProgressEvent('error')],
    ['a proxy without a server (502)', 502, '<html>bad gateway</html>'],
    ['a proxy timeout (504)', 504, '<html>gateway timeout</html>'],
  ])('explains %s: the change may not have been saved', (_name, status, error) => {
    const problem = toProblemDetails(new HttpErrorResponse({ status, error }));
    expect(problem).toEqual({ type: 'about:blank', title: 'Depot is unavailable', status, detail: UNREACHABLE_DETAIL });
    expect(problemMessage(problem)).toMatch(/could not be reached, so a change you just made may not have been saved/);
  });

  it('synthesises a problem from a non-JSON error page', () => {
    const problem = toProblemDetails(
      new HttpErrorResponse({ status: 500, statusText: 'Internal Server Error', error: '<html>oops</html>' }),
    );
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  it('handles errors that are not HTTP errors', () => {
    expect(toProblemDetails(new TypeError('boom')).title).toBe('Unexpected error');
  });

  it('prefers detail over title for the message', () => {
    expect(problemMessage({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'SKU taken.' })).toBe(
      'SKU taken.',
    );
    expect(problemMessage({ type: 'about:blank', title: 'Conflict', status: 409 })).toBe('Conflict');
  });
});
