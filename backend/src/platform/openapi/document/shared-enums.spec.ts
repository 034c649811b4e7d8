import { CURRENCIES, ErrorCode } from '@depot/contracts';
import { nameSharedEnums, SHARED_ENUMS } from './shared-enums';
import type { Document } from './walk';

describe('nameSharedEnums', () => {
  const document = (): Document =>
    ({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      components: {
        schemas: {
          Product: {
            type: 'object',
            properties: {
              currency: { type: 'string', enum: [...CURRENCIES].reverse() },
              status: { type: 'string', enum: ['active', 'archived'], description: 'State.', example: 'active' },
              paymentStatus: { type: 'string', enum: ['unpaid', 'partially_paid', 'paid'], nullable: true },
              sort: { type: 'string', enum: ['sku', '-sku'] },
            },
          },
        },
      },
      paths: {
        '/products': {
          get: {
            parameters: [{ name: 'currency', in: 'query', schema: { type: 'string', enum: CURRENCIES } }],
            responses: {},
          },
        },
      },
    }) as unknown as Document;

  it('replaces inline enums of @depot/contracts with references to named components, whatever their order', () => {
    const doc = document();
    nameSharedEnums(doc);
    const product = doc.components?.schemas?.Product as { properties: Record<string, unknown> };
    expect(product.properties.currency).toEqual({ $ref: '#/components/schemas/Currency' });
    expect(doc.paths['/products'].get?.parameters?.[0]).toMatchObject({
      schema: { $ref: '#/components/schemas/Currency' },
    });
    expect(doc.components?.schemas?.Currency).toMatchObject({ type: 'string', enum: [...CURRENCIES] });
  });

  it('keeps a property’s own description and example beside the reference, and its nullability', () => {
    const doc = document();
    nameSharedEnums(doc);
    const product = doc.components?.schemas?.Product as { properties: Record<string, unknown> };
    expect(product.properties.status).toEqual({
      description: 'State.',
      example: 'active',
      allOf: [{ $ref: '#/components/schemas/ProductStatus' }],
    });
    expect(product.properties.paymentStatus).toEqual({
      anyOf: [{ $ref: '#/components/schemas/PaymentStatus' }, { type: 'string', nullable: true, enum: [null] }],
    });
    expect(product.properties.sort).toEqual({ type: 'string', enum: ['sku', '-sku'] });
  });

  it('declares only the enums the document uses', () => {
    const doc = document();
    nameSharedEnums(doc);
    expect(doc.components?.schemas).not.toHaveProperty('ErrorCode');
    expect(doc.components?.schemas).toHaveProperty('PaymentStatus');
  });

  it('has one entry per set of values, and ErrorCode is every code of @depot/contracts', () => {
    const keys = Object.values(SHARED_ENUMS).map(({ values }) => JSON.stringify([...values].sort()));
    expect(new Set(keys).size).toBe(keys.length);
    expect(SHARED_ENUMS.ErrorCode.values).toEqual(Object.values(ErrorCode));
  });
});
