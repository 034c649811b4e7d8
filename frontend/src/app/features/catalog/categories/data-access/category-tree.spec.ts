import type { CategoryDto } from '@depot/contracts';

import { categoryLabel, categoryOptions, subtreeIds, visibleCategories } from './category-tree';

function node(id: string, path: string[], parentId: string | null): CategoryDto {
  return {
    id,
    name: path[path.length - 1],
    parentId,
    path,
    depth: path.length,
    productCount: 0,
    childCount: 0,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
  };
}

// Deliberately out of order: the helpers must not depend on the API's order.
const TREE = [
  node('saws', ['Tools', 'Saws'], 'tools'),
  node('garden', ['Garden'], null),
  node('tools', ['Tools'], null),
  node('hand', ['Tools', 'Hand tools'], 'tools'),
  node('hammers', ['Tools', 'Hand tools', 'Hammers'], 'hand'),
];

describe('category tree helpers', () => {
  it('labels a category with its full path', () => {
    expect(categoryLabel(TREE[4])).toBe('Tools / Hand tools / Hammers');
  });

  it('lists picker options in tree order, parents before children', () => {
    expect(categoryOptions(TREE).map((option) => option.label)).toEqual([
      'Garden',
      'Tools',
      'Tools / Hand tools',
      'Tools / Hand tools / Hammers',
      'Tools / Saws',
    ]);
  });

  it('finds a category and everything below it', () => {
    expect([...subtreeIds(TREE, 'tools')].sort()).toEqual(['hammers', 'hand', 'saws', 'tools']);
    expect([...subtreeIds(TREE, 'hand')].sort()).toEqual(['hammers', 'hand']);
    expect([...subtreeIds(TREE, 'garden')]).toEqual(['garden']);
  });

  it('shows a category only when all its ancestors are expanded', () => {
    const names = (expanded: string[]) => visibleCategories(TREE, new Set(expanded)).map((c) => c.id);

    expect(names([])).toEqual(['garden', 'tools']);
    expect(names(['tools'])).toEqual(['garden', 'tools', 'hand', 'saws']);
    expect(names(['tools', 'hand'])).toEqual(['garden', 'tools', 'hand', 'hammers', 'saws']);
    // An expanded child under a collapsed parent stays hidden.
    expect(names(['hand'])).toEqual(['garden', 'tools']);
  });
});
