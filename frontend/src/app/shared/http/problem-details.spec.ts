import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';

import { problemMessage, toProblemDetails } from './problem-details';

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

  it('explains a network failure (status 0)', () => {
    const problem = toProblemDetails(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    expect(problem.status).toBe(0);
    expect(problemMessage(problem)).toMatch(/could not reach the server/i);
  });

  it('synthesises a problem from a non-JSON error page', () => {
    const problem = toProblemDetails(
      new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>bad gateway</html>' }),
    );
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
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
