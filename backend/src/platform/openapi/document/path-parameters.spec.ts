import { describePathIds, singular } from './path-parameters';
import type { Document } from './walk';

describe('singular', () => {
  it.each([
    ['products', 'product'],
    ['categories', 'category'],
    ['purchase-orders', 'purchase order'],
    ['api-keys', 'API key'],
    ['webhooks', 'webhook endpoint'],
  ])('%s → %s', (collection, noun) => expect(singular(collection)).toBe(noun));
});

describe('describePathIds', () => {
  it('describes id path parameters from the path, keeping hand-written descriptions', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/v1/sales-orders/{id}/lines/{lineId}': {
          get: {
            parameters: [
              { name: 'id', in: 'path' },
              { name: 'lineId', in: 'path' },
              { name: 'q', in: 'query' },
            ],
            responses: {},
          },
        },
        '/api/v1/users/{id}': {
          get: { parameters: [{ name: 'id', in: 'path', description: 'Mine.' }], responses: {} },
        },
      },
    } as unknown as Document;
    describePathIds(document);
    expect(document.paths['/api/v1/sales-orders/{id}/lines/{lineId}'].get?.parameters).toEqual([
      { name: 'id', in: 'path', description: 'Id of the sales order.' },
      { name: 'lineId', in: 'path', description: 'Id of the line.' },
      { name: 'q', in: 'query' },
    ]);
    expect(document.paths['/api/v1/users/{id}'].get?.parameters?.[0]).toMatchObject({ description: 'Mine.' });
  });
});
