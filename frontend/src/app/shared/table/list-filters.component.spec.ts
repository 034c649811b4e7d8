import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, type Observable } from 'rxjs';

import { ListFiltersComponent } from './list-filters.component';

@Component({
  selector: 'app-filters-host',
  imports: [ListFiltersComponent],
  template: `<app-list-filters [activeCount]="2"
    ><label>Status <input /></label
  ></app-list-filters>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FiltersHostComponent {}

describe('ListFiltersComponent', () => {
  let fixtureStable: () => Promise<void> = () => Promise.resolve();

  async function render(phone: boolean): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: BreakpointObserver,
          useValue: {
            observe: (): Observable<BreakpointState> =>
              new BehaviorSubject<BreakpointState>({ matches: phone, breakpoints: {} }),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(FiltersHostComponent);
    fixtureStable = () => fixture.whenStable();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the filters as they are on wide screens', async () => {
    const root = await render(false);
    expect(root.querySelector('.filters-toggle')).toBeNull();
    expect(root.querySelector<HTMLElement>('.filters-panel')?.hidden).toBe(false);
  });

  it('folds the filters behind a button with the active count on phones', async () => {
    const root = await render(true);
    const toggle = root.querySelector<HTMLButtonElement>('.filters-toggle');
    expect(toggle?.textContent).toContain('Filters (2)');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('.filters-panel')?.hidden).toBe(true);

    toggle?.click();
    await fixtureStable();
    expect(root.querySelector<HTMLElement>('.filters-panel')?.hidden).toBe(false);
  });
});
