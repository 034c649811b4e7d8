import { Permission } from '@depot/contracts';

import { PALETTE_COMMANDS, matchCommands } from './palette-commands';

describe('palette commands', () => {
  it('offers only the commands the user may run', () => {
    const labels = matchCommands(PALETTE_COMMANDS, '', new Set([Permission.CatalogProductsRead])).map(
      (command) => command.label,
    );
    expect(labels).toContain('Go to products');
    expect(labels).not.toContain('New product');
    expect(labels).not.toContain('Go to users');
  });

  it('matches every typed word against the label and keywords', () => {
    const all = new Set(Object.values(Permission));
    expect(matchCommands(PALETTE_COMMANDS, 'new sales', all).map((command) => command.label)).toEqual([
      'New sales order',
    ]);
    expect(matchCommands(PALETTE_COMMANDS, 'low stock', all).map((command) => command.path)).toEqual(['/stock/low']);
    expect(matchCommands(PALETTE_COMMANDS, 'replenish', all).map((command) => command.path)).toEqual([
      '/purchasing/reorder',
    ]);
  });

  it('gives every command a unique id', () => {
    const ids = PALETTE_COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
