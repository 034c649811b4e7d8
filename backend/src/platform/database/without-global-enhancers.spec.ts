import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import type { DynamicModule, Provider } from '@nestjs/common';
import { withoutGlobalEnhancers } from './database.module';

function providersOf(module: DynamicModule): Provider[] {
  const nested = (module.imports ?? []).flatMap((imported) =>
    typeof imported === 'object' && 'module' in imported ? providersOf(imported) : [],
  );
  return [...(module.providers ?? []), ...nested];
}

const tokenOf = (provider: Provider) =>
  typeof provider === 'object' && 'provide' in provider ? provider.provide : provider;

describe('withoutGlobalEnhancers', () => {
  it("leaves nestjs-cls's unmounted global guard and interceptor out, and everything else in", () => {
    const original = ClsModule.forRoot({ global: true, middleware: { mount: false } });
    const before = providersOf(original).map(tokenOf);
    expect(before).toEqual(expect.arrayContaining([APP_GUARD, APP_INTERCEPTOR]));
    const after = providersOf(withoutGlobalEnhancers(original)).map(tokenOf);
    expect(after).not.toContain(APP_GUARD);
    expect(after).not.toContain(APP_INTERCEPTOR);
    expect(after).toHaveLength(before.length - 2);
  });
});
