import { formatForName, stringFormats } from './string-formats';
import type { Document } from './walk';

describe('formatForName', () => {
  it.each([
    ['id', false, 'uuid'],
    ['productId', false, 'uuid'],
    ['productIds', true, 'uuid'],
    ['createdAt', false, 'date-time'],
    ['expectedDate', false, 'date'],
    ['date', false, 'date'],
    ['taxId', false, undefined],
    ['requestId', false, undefined],
    ['sku', false, undefined],
    ['tags', true, undefined],
  ])('%s (items: %s) → %s', (name, inItems, format) => {
    expect(formatForName(name, inItems)).toBe(format);
  });
});

describe('stringFormats', () => {
  it('adds formats to strings named so, never over a format or on an enum', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              creditNoteIds: { type: 'array', items: { type: 'string' } },
              updatedAt: { type: 'string', nullable: true },
              dueAt: { type: 'string', format: 'date' },
              kindId: { type: 'string', enum: ['a'] },
            },
          },
        },
      },
      paths: {
        '/things/{id}': {
          get: { parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }], responses: {} },
        },
      },
    } as unknown as Document;
    stringFormats(document);
    expect(document.components?.schemas?.Thing).toMatchObject({
      properties: {
        id: { format: 'uuid' },
        creditNoteIds: { items: { format: 'uuid' } },
        updatedAt: { format: 'date-time', nullable: true },
        dueAt: { format: 'date' },
        kindId: { enum: ['a'] },
      },
    });
    expect(document.components?.schemas?.Thing).not.toMatchObject({ properties: { kindId: { format: 'uuid' } } });
    expect(document.paths['/things/{id}'].get?.parameters?.[0]).toMatchObject({ schema: { format: 'uuid' } });
  });
});
