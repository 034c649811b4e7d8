import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { Permission, type SearchResponseDto } from '@depot/contracts';
import { signal } from '@angular/core';

import { AuthService } from '../auth/auth.service';
import { CommandPaletteComponent, SEARCH_DEBOUNCE_MS } from './command-palette.component';

const RESULTS: SearchResponseDto = {
  groups: [
    {
      type: 'product',
      label: 'Products',
      items: [
        { id: 'p1', type: 'product', title: 'WID-001', subtitle: 'Blue widget', url: '/products/p1' },
        { id: 'p2', type: 'product', title: 'WID-0010', subtitle: 'Red widget', url: '/products/p2' },
      ],
    },
  ],
  tookMs: 2,
};

describe('CommandPaletteComponent', () => {
  let fixture: ComponentFixture<CommandPaletteComponent>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatDialogRef, useValue: { close } },
        {
          provide: AuthService,
          useValue: { permissions: signal(new Set([Permission.CatalogProductsRead, Permission.CatalogProductsWrite])) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(CommandPaletteComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const input = () => element().querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const type = (text: string) => {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  const press = (key: string) => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
    fixture.detectChanges();
  };

  it('lists the commands the user may run before anything is typed', () => {
    const options = [...element().querySelectorAll('[role="option"]')].map((option) => option.textContent?.trim());
    expect(options).toContain('New product');
    expect(options).toContain('Go to products');
    expect(options).not.toContain('New sales order');
    expect(input().getAttribute('aria-activedescendant')).toBe('palette-command-new-product');
  });

  it('searches after a pause, shows grouped results and opens the active one with Enter', () => {
    type('wid');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    http.expectOne((request) => request.url === '/api/v1/search' && request.params.get('q') === 'wid').flush(RESULTS);
    fixture.detectChanges();
    const group = element().querySelector('[role="group"]')!;
    expect(group.querySelector('.group-label')?.textContent).toBe('Products');
    expect(group.querySelectorAll('[role="option"]')).toHaveLength(2);
    expect(input().getAttribute('aria-activedescendant')).toBe('palette-product-p1');

    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe('palette-product-p2');
    expect(element().querySelector('#palette-product-p2')?.getAttribute('aria-selected')).toBe('true');
    press('ArrowUp');
    press('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe('palette-product-p2');
    press('Enter');
    expect(close).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/products/p2');
  });

  it('says so when nothing is found or the search fails', () => {
    type('zzzz');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    http.expectOne(() => true).flush({ groups: [] });
    fixture.detectChanges();
    expect(element().querySelector('[role="status"]')?.textContent).toContain('Nothing found.');
    type('zzzzz');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    http.expectOne(() => true).flush(null, { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();
    expect(element().querySelector('[role="status"]')?.textContent).toContain('Search failed');
  });
});
