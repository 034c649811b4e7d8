import { stableJson } from './stable-json';

describe('stableJson', () => {
  it('gives the same text for the same data in any key order', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      stableJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('tells different data apart', () => {
    expect(stableJson({ quantity: 1 })).not.toBe(stableJson({ quantity: '1' }));
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
    expect(stableJson(undefined)).toBe('null');
  });
});
