import { integerTypes } from './integer-types';
import type { Document } from './walk';

describe('integerTypes', () => {
  it('makes every number an integer: properties, array items, parameters', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      components: {
        schemas: {
          Order: {
            type: 'object',
            properties: {
              totalMinor: { type: 'number' },
              lines: { type: 'array', items: { type: 'object', properties: { quantity: { type: 'number' } } } },
              sku: { type: 'string' },
            },
          },
        },
      },
      paths: {
        '/orders': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'number' } }], responses: {} } },
      },
    } as unknown as Document;
    integerTypes(document);
    expect(JSON.stringify(document)).not.toContain('"number"');
    expect(document.components?.schemas?.Order).toMatchObject({
      properties: { totalMinor: { type: 'integer' }, sku: { type: 'string' } },
    });
  });

  it('leaves a number declared as a double or float alone', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: { Rate: { type: 'object', properties: { ratio: { type: 'number', format: 'double' } } } },
      },
    } as unknown as Document;
    integerTypes(document);
    expect(document.components?.schemas?.Rate).toMatchObject({ properties: { ratio: { type: 'number' } } });
  });
});
