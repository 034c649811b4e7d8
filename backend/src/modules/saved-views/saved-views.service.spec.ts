import { pickDefaultView, savedViewStateProblem } from '@depot/contracts';
import { cleanState } from './saved-views.service';

describe('saved view state', () => {
  it('drops the paging cursor and keeps every other parameter', () => {
    expect(cleanState({ q: 'red', cursor: 'abc', sort: '-name' })).toEqual({ q: 'red', sort: '-name' });
  });

  it('accepts flat string parameters and names what is wrong otherwise', () => {
    expect(savedViewStateProblem({ q: 'red', cols: 'sku,name' })).toBeNull();
    expect(savedViewStateProblem(null)).toBe('state must be an object');
    expect(savedViewStateProblem(['a'])).toBe('state must be an object');
    expect(savedViewStateProblem({ q: 1 })).toContain('"q" must be a string');
    expect(savedViewStateProblem({ '1x': 'a' })).toContain('must be letters');
    expect(savedViewStateProblem({ __proto__x: 'a' })).toContain('must be letters');
  });
});

describe('pickDefaultView', () => {
  const view = (id: string, ownerId: string, isDefault: boolean, shared: boolean, updatedAt = '2026-01-01') => ({
    id,
    ownerId,
    isDefault,
    shared,
    updatedAt,
  });

  it("prefers the user's own default over a shared default", () => {
    const views = [view('shared', 'other', true, true), view('own', 'me', true, false)];
    expect(pickDefaultView(views, 'me')?.id).toBe('own');
  });

  it('falls back to the most recent shared default, else none', () => {
    const views = [
      view('old', 'a', true, true, '2026-01-01'),
      view('new', 'b', true, true, '2026-02-01'),
      view('private', 'c', true, false),
    ];
    expect(pickDefaultView(views, 'me')?.id).toBe('new');
    expect(pickDefaultView([view('plain', 'me', false, false)], 'me')).toBeNull();
  });
});
