import { ValidationError } from '../app-error';
import { parseSort } from './sort';

const allowed = { createdAt: 'created_at', name: 'name' } as const;

describe('parseSort', () => {
  it('maps an allowlisted field to its column, ascending or descending', () => {
    expect(parseSort('name', allowed, '-createdAt')).toEqual({ field: 'name', column: 'name', descending: false });
    expect(parseSort('-createdAt', allowed, 'name')).toEqual({
      field: 'createdAt',
      column: 'created_at',
      descending: true,
    });
  });

  it('uses the fallback when no sort is given', () => {
    expect(parseSort(undefined, allowed, '-createdAt').column).toBe('created_at');
    expect(parseSort('', allowed, 'name').column).toBe('name');
  });

  it.each(['password', 'name;DROP TABLE products', '__proto__', 'constructor', '--name'])('refuses %p', (sort) => {
    expect(() => parseSort(sort, allowed, 'name')).toThrow(ValidationError);
  });
});
