import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { ConnectivityService } from './connectivity.service';
import { OutageBannerComponent } from './outage-banner.component';

describe('OutageBannerComponent', () => {
  let fixture: ComponentFixture<OutageBannerComponent>;
  let connectivity: ConnectivityService;
  let release: () => void;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    connectivity = TestBed.inject(ConnectivityService);
    fixture = TestBed.createComponent(OutageBannerComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    fixture.destroy();
    jest.useRealTimers();
  });

  /** A request meets an outage, with the server's Retry-After in seconds. */
  function outage(retryAfterSeconds: number): void {
    release = connectivity.hold();
    connectivity.nextRound(retryAfterSeconds * 1000).subscribe();
  }

  function render(): HTMLElement {
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('keeps an empty live region while all is well, so that a later message is announced', () => {
    const root = render();

    const status = root.querySelector('[role="status"]');
    expect(status).not.toBeNull();
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(text(status)).toBe('');
    expect(root.querySelector('button')).toBeNull();
  });

  it('says Depot is unavailable and counts down to the next attempt', () => {
    outage(5);
    let root = render();

    expect(text(root.querySelector('[role="status"]'))).toBe('Depot is unavailable — retrying…');
    expect(text(root.querySelector('.progress'))).toBe('Attempt 2 in 5 s');

    jest.advanceTimersByTime(2_000);
    root = render();
    expect(text(root.querySelector('.progress'))).toBe('Attempt 2 in 3 s');

    jest.advanceTimersByTime(3_000);
    root = render();
    expect(text(root.querySelector('.progress'))).toBe('Attempt 2…');
  });

  it('keeps the countdown out of the live region (it would be read out every second)', () => {
    outage(5);
    const root = render();

    expect(root.querySelector('[role="status"] .progress')).toBeNull();
  });

  it('tries again at once on "Retry now"', () => {
    const sent: number[] = [];
    release = connectivity.hold();
    connectivity.nextRound(20_000).subscribe(() => sent.push(Date.now()));
    const root = render();

    const button = Array.from(root.querySelectorAll('button')).find((b) => text(b) === 'Retry now');
    button?.click();

    expect(sent).toHaveLength(1);
  });

  it('disappears by itself when the server answers again', () => {
    outage(5);
    expect(text(render().querySelector('[role="status"]'))).not.toBe('');

    connectivity.reachable();
    release();
    const root = render();

    expect(text(root.querySelector('[role="status"]'))).toBe('');
    expect(root.querySelector('.progress')).toBeNull();
    expect(root.querySelector('button')).toBeNull();
  });

  it('floats over the page where there is no shell', () => {
    fixture.componentRef.setInput('placement', 'floating');
    const host = render();
    expect(host.classList).toContain('placement-floating');
  });
});
