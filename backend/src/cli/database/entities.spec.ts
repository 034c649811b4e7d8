import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from './entities';

const SRC = join(__dirname, '..', '..');

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Every `@Entity` class in backend/src, by name, with the file that declares it. */
async function declaredEntities(): Promise<Map<string, string>> {
  const declared = new Map<string, string>();
  for (const file of files(SRC, '.entity.ts')) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (getMetadataArgsStorage().tables.some((table) => table.target === value)) declared.set(name, file);
    }
  }
  return declared;
}

describe('entity registration', () => {
  let declared: Map<string, string>;
  beforeAll(async () => {
    declared = await declaredEntities();
  });

  it('lists every entity for the CLI data sources (db:migration:generate sees the whole schema)', () => {
    expect(ENTITIES.map((entity) => entity.name).sort()).toEqual([...declared.keys()].sort());
  });

  it('has each entity registered by a module of its own folder (TypeOrmModule.forFeature)', () => {
    const registered = new Map<string, string>();
    for (const file of files(SRC, '.module.ts')) {
      for (const [, list] of readFileSync(file, 'utf8').matchAll(/forFeature\(\[([^\]]*)\]/g)) {
        for (const name of list
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean))
          registered.set(name, file);
      }
    }
    for (const [name, file] of declared) {
      const module = registered.get(name);
      expect({ entity: name, registeredBy: module && relative(SRC, module) }).toEqual({
        entity: name,
        registeredBy: expect.stringMatching(new RegExp(`^${relative(SRC, file).split('/').slice(0, 2).join('/')}/`)),
      });
    }
  });
});
