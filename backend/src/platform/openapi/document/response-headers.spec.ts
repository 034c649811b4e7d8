import { documentResponseHeaders } from './response-headers';
import type { Document } from './walk';

function documentWith(operation: Record<string, unknown>): Document {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/things': { post: operation } },
    components: { responses: { Unavailable: { description: 'Down.' } } },
  } as unknown as Document;
}

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

describe('documentResponseHeaders', () => {
  it('documents X-Request-Id everywhere, Location on 201, Retry-After on 429 and 503', () => {
    const document = documentWith({
      responses: {
        '201': { description: 'Created.' },
        '429': { description: 'Slow down.' },
        '503': { description: 'Down.' },
      },
    });
    documentResponseHeaders(document);
    const responses = document.paths['/things'].post!.responses;
    expect(responses['201']).toMatchObject({
      headers: { 'X-Request-Id': ref('X-Request-Id'), Location: ref('Location') },
    });
    expect(responses['429']).toMatchObject({ headers: { 'Retry-After': ref('Retry-After') } });
    expect(responses['503']).toMatchObject({ headers: { 'Retry-After': ref('Retry-After') } });
    expect(document.components?.responses?.Unavailable).toMatchObject({
      headers: { 'X-Request-Id': ref('X-Request-Id') },
    });
  });

  it('documents Idempotent-Replayed on the successes of operations that take an Idempotency-Key', () => {
    const document = documentWith({
      parameters: [{ name: 'Idempotency-Key', in: 'header' }],
      responses: { '200': { description: 'Done.' }, '409': { description: 'Conflict.' } },
    });
    documentResponseHeaders(document);
    const responses = document.paths['/things'].post!.responses;
    expect(responses['200']).toMatchObject({ headers: { 'Idempotent-Replayed': ref('Idempotent-Replayed') } });
    expect(Object.keys((responses['409'] as { headers: object }).headers)).toEqual(['X-Request-Id']);
  });

  it('replaces a Location or ETag header a decorator declared, under any spelling, by the shared one', () => {
    const document = documentWith({
      responses: {
        '200': { description: 'The thing.', headers: { etag: { description: 'mine', schema: { type: 'string' } } } },
        '202': { description: 'Queued.', headers: { location: { schema: { type: 'string' } } } },
      },
    });
    documentResponseHeaders(document);
    const responses = document.paths['/things'].post!.responses;
    expect(responses['200']).toMatchObject({ headers: { 'X-Request-Id': ref('X-Request-Id'), ETag: ref('ETag') } });
    expect(responses['200']).not.toMatchObject({ headers: { etag: expect.anything() } });
    expect(responses['202']).toMatchObject({ headers: { Location: ref('Location') } });
  });

  it('declares only the header components something refers to', () => {
    const document = documentWith({ responses: { '200': { description: 'Done.' } } });
    documentResponseHeaders(document);
    expect(Object.keys(document.components?.headers ?? {})).toEqual(['X-Request-Id']);
  });
});
