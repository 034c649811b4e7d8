import { markPublicOperations } from './public-operations';
import type { Document } from './walk';

describe('markPublicOperations', () => {
  it('gives @Public() operations an explicit empty security requirement and drops the marker', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/login': { post: { 'x-public': true, responses: {} } },
        '/me': { get: { security: [{ bearer: [] }], responses: {} } },
      },
    } as unknown as Document;
    markPublicOperations(document);
    expect(document.paths['/login'].post).toEqual({ security: [], responses: {} });
    expect(document.paths['/me'].get?.security).toEqual([{ bearer: [] }]);
  });
});
