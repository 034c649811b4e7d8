import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { PageHeaderComponent } from './page-header.component';

@Component({
  selector: 'app-host',
  imports: [PageHeaderComponent],
  template: `
    <app-page-header
      heading="SO-2026-000042"
      backLink="/sales-orders"
      backLabel="Sales orders"
      status="Confirmed"
      statusTone="info"
    >
      @if (loaded) {
        <ng-container pageHeaderSubtitle>ACME · Acme Tools</ng-container>
      }
      @if (loaded) {
        <ng-container pageHeaderActions><button type="button">Issue invoice</button></ng-container>
      }
    </app-page-header>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  protected readonly loaded = true;
}

describe('PageHeaderComponent', () => {
  it('shows the title as the one h1 with its status, subtitle, back link and actions', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelector('h1')?.textContent).toBe('SO-2026-000042');
    const chip = root.querySelector('.chip');
    expect(chip?.textContent).toBe('Confirmed');
    expect(chip?.classList).toContain('info');
    expect(root.querySelector('.subtitle')?.textContent).toContain('ACME · Acme Tools');
    expect(root.querySelector('a.back')?.getAttribute('href')).toBe('/sales-orders');
    expect(root.querySelector('a.back')?.textContent).toContain('Sales orders');
    expect(root.querySelector('.actions button')?.textContent).toBe('Issue invoice');
  });

  it('leaves out the back link and the chip when not given', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    TestBed.overrideComponent(HostComponent, {
      set: { template: '<app-page-header heading="Users" />' },
    });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('a.back')).toBeNull();
    expect(root.querySelector('.chip')).toBeNull();
  });
});
