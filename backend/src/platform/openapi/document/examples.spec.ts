import { composeExamples, exampleFor } from './examples';
import type { Document } from './walk';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Line: {
        type: 'object',
        properties: { quantity: { type: 'integer', minimum: 1, example: 2 }, note: { type: 'string' } },
      },
      Order: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { allOf: [{ $ref: '#/components/schemas/Status' }], example: 'confirmed' },
          lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
          parent: { $ref: '#/components/schemas/Order' },
          createdAt: { type: 'string', format: 'date-time' },
          paid: { type: 'boolean' },
        },
      },
      Status: { type: 'string', enum: ['draft', 'confirmed'] },
    },
  },
  paths: {},
} as unknown as Document;

describe('exampleFor', () => {
  it('builds an example from the examples, enums and formats of the parts, stopping at recursion', () => {
    expect(exampleFor(document, { $ref: '#/components/schemas/Order' })).toEqual({
      id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
      status: 'confirmed',
      lines: [{ quantity: 2, note: 'string' }],
      createdAt: '2026-11-23T10:15:30.123Z',
      paid: true,
    });
  });

  it('has nothing to say about binary content', () => {
    expect(exampleFor(document, { type: 'string', format: 'binary' })).toBeUndefined();
  });
});

describe('composeExamples', () => {
  it('gives JSON bodies, 2xx responses and specific parameters an example, keeping hand-written ones', () => {
    const doc = structuredClone(document);
    doc.paths['/orders'] = {
      post: {
        parameters: [
          { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/Status' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Line' } } } },
        responses: {
          '201': {
            description: 'Created.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' } } },
          },
          '200': {
            description: 'Old.',
            content: { 'application/json': { schema: { type: 'string' }, example: 'mine' } },
          },
          '400': { description: 'Bad.', content: { 'application/problem+json': { schema: { type: 'object' } } } },
        },
      },
    };
    composeExamples(doc);
    const operation = doc.paths['/orders'].post as unknown as {
      parameters: { example?: unknown }[];
      requestBody: { content: Record<string, { example?: unknown }> };
      responses: Record<string, { content: Record<string, { example?: unknown }> }>;
    };
    expect(operation.parameters.map((parameter) => parameter.example)).toEqual(['draft', undefined]);
    expect(operation.requestBody.content['application/json'].example).toEqual({ quantity: 2, note: 'string' });
    expect(operation.responses['201'].content['application/json'].example).toBe('draft');
    expect(operation.responses['200'].content['application/json'].example).toBe('mine');
    expect(operation.responses['400'].content['application/problem+json'].example).toBeUndefined();
  });
});
