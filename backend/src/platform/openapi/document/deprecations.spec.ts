import { documentDeprecations } from './deprecations';
import type { Document } from './walk';

describe('documentDeprecations', () => {
  it('marks a @Deprecated() operation deprecated, says until when, and documents the headers on its successes', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/old': {
          get: {
            description: 'Old list.',
            'x-deprecation': {
              since: '2027-01-01T00:00:00.000Z',
              sunset: '2027-07-01T00:00:00.000Z',
              replacement: '`GET /new`',
            },
            responses: { '200': { description: 'OK.' }, '404': { description: 'No.' } },
          },
        },
      },
    } as unknown as Document;
    documentDeprecations(document);
    const operation = document.paths['/old'].get!;
    expect(operation).not.toHaveProperty('x-deprecation');
    expect(operation.deprecated).toBe(true);
    expect(operation.description).toBe(
      'Old list.\n\n**Deprecated** since 2027-01-01; stops working on 2027-07-01. Use `GET /new` instead.',
    );
    expect(operation.responses['200']).toMatchObject({
      headers: {
        Deprecation: { $ref: '#/components/headers/Deprecation' },
        Sunset: { $ref: '#/components/headers/Sunset' },
      },
    });
    expect(operation.responses['404']).not.toHaveProperty('headers');
  });
});
