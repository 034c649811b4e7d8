import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { RouteFocusService, pathOf } from './route-focus.service';

@Component({
  selector: 'app-test-list',
  template: `<h1>Products</h1>
    <label>Search <input id="search" /></label>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListPageComponent {}

@Component({
  selector: 'app-test-form',
  template: `<h1>New product</h1>
    <label>Name <input id="name" /></label>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FormPageComponent {}

async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('pathOf', () => {
  it('ignores query and fragment', () => {
    expect(pathOf('/products?q=drill&sort=-name')).toBe('/products');
    expect(pathOf('/products/1#history')).toBe('/products/1');
  });
});

describe('RouteFocusService', () => {
  let harness: RouterTestingHarness;
  let main: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'products', title: 'Products', component: ListPageComponent },
          { path: 'products/new', title: 'New product', component: FormPageComponent },
        ]),
      ],
    });
    TestBed.inject(RouteFocusService);
    harness = await RouterTestingHarness.create();
    // The shell's <main> holds the routed page.
    const root = harness.fixture.nativeElement as HTMLElement;
    main = document.createElement('main');
    document.body.appendChild(main);
    main.appendChild(root);
  });

  afterEach(() => {
    main.remove();
    document.getElementById('route-announcer')?.remove();
  });

  it("moves focus to the new page's heading and announces its title", async () => {
    await harness.navigateByUrl('/products');
    await settled();
    expect(document.activeElement?.textContent).toBe('Products');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    expect(document.getElementById('route-announcer')?.getAttribute('aria-live')).toBe('polite');
  });

  it('leaves focus alone when only the query changes (filtering a list)', async () => {
    await harness.navigateByUrl('/products');
    await settled();
    const search = document.getElementById('search') as HTMLInputElement;
    search.focus();
    await TestBed.inject(Router).navigateByUrl('/products?q=drill');
    await settled();
    expect(document.activeElement).toBe(search);
  });

  it('keeps focus on a control the new page focused itself', async () => {
    await harness.navigateByUrl('/products');
    await settled();
    await harness.navigateByUrl('/products/new');
    (document.getElementById('name') as HTMLInputElement).focus();
    await settled();
    expect(document.activeElement?.id).toBe('name');
  });
});
