import { type Route, type Routes } from '@angular/router';

import { routes } from './app.routes';

/** Pages every signed-in user may open. */
const OPEN_TO_EVERYONE = new Set(['dashboard', 'forbidden', 'profile', '**']);

async function childrenOf(route: Route): Promise<Routes> {
  if (route.children) {
    return route.children;
  }
  if (route.loadChildren) {
    const loaded = await (route.loadChildren as () => Promise<Routes>)();
    return loaded;
  }
  return [];
}

/** Every routed page of `list`, with whether a guard on it or above it checks access. */
async function pages(list: Routes, guarded: boolean, prefix: string): Promise<{ path: string; guarded: boolean }[]> {
  const found: { path: string; guarded: boolean }[] = [];
  for (const route of list) {
    const path = [prefix, route.path].filter(Boolean).join('/');
    const isGuarded = guarded || (route.canActivate?.length ?? 0) > 0;
    if (route.loadComponent || route.component) {
      found.push({ path, guarded: isGuarded });
    }
    found.push(...(await pages(await childrenOf(route), isGuarded, path)));
  }
  return found;
}

describe('app routes', () => {
  it('register every feature area from app.routes.ts, lazily, inside the signed-in shell', () => {
    const shell = routes.find((route) => route.path === '' && route.children);
    expect(shell?.loadComponent).toBeDefined();
    const areas = (shell?.children ?? []).filter((route) => route.loadChildren);
    expect(areas.length).toBeGreaterThanOrEqual(7);
  });

  it('check a permission on every feature page', async () => {
    const shell = routes.find((route) => route.path === '' && route.children);
    const unguarded: string[] = [];
    for (const area of shell?.children ?? []) {
      if (OPEN_TO_EVERYONE.has(area.path ?? '')) {
        continue;
      }
      for (const page of await pages(await childrenOf(area), (area.canActivate?.length ?? 0) > 0, area.path ?? '')) {
        if (!page.guarded) {
          unguarded.push(page.path);
        }
      }
    }
    expect(unguarded).toEqual([]);
  });
});
