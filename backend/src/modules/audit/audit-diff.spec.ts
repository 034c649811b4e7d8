import { diffFields } from './audit-diff';

describe('diffFields', () => {
  it('records only the fields that changed, with before and after', () => {
    const before = { name: 'Chair', priceMinor: 100, unit: 'pcs' };
    const after = { name: 'Chair', priceMinor: 150, unit: 'box' };
    expect(diffFields(before, after, ['name', 'priceMinor', 'unit'])).toEqual({
      priceMinor: { before: 100, after: 150 },
      unit: { before: 'pcs', after: 'box' },
    });
  });

  it('records every field on creation', () => {
    expect(diffFields(null, { name: 'Chair', description: null }, ['name', 'description'])).toEqual({
      name: { before: null, after: 'Chair' },
    });
  });

  it('never records secrets, even when asked to', () => {
    const changes = diffFields({ passwordHash: 'old', email: 'a' }, { passwordHash: 'new', email: 'b' }, [
      'passwordHash',
      'email',
    ]);
    expect(changes).toEqual({ email: { before: 'a', after: 'b' } });
  });

  it('compares dates by value', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    expect(diffFields({ at: when }, { at: new Date(when) }, ['at'])).toEqual({});
  });
});
