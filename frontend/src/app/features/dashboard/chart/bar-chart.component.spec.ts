import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { settle } from '../../../../testing/test-helpers';
import { ThemeService } from '../../../core/theme/theme.service';
import { FakeBarChart, provideFakeBarChart } from '../testing/dashboard-fixtures';
import { BarChartComponent } from './bar-chart.component';

@Component({
  selector: 'app-host',
  imports: [BarChartComponent],
  template: `
    @if (shown()) {
      <app-bar-chart
        [labels]="labels()"
        [values]="values()"
        seriesLabel="Net sales"
        label="Net sales per day: €3.00 in total"
        [formatValue]="format"
      >
        <table>
          <caption>
            Net sales per day
          </caption>
        </table>
      </app-bar-chart>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly shown = signal(true);
  readonly labels = signal(['Mar 1', 'Mar 2']);
  readonly values = signal([1, 2]);
  readonly format = (value: number) => `€${value.toFixed(2)}`;
}

describe('BarChartComponent', () => {
  let chart: FakeBarChart;

  function create() {
    TestBed.configureTestingModule({ providers: [provideFakeBarChart()] });
    chart = TestBed.inject(FakeBarChart);
    return TestBed.createComponent(HostComponent);
  }

  async function render(fixture: ReturnType<typeof create>): Promise<HTMLElement> {
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => document.documentElement.classList.remove('theme-dark', 'theme-light'));

  it('draws on a canvas named for screen readers, keeping the table for them out of sight', async () => {
    const fixture = create();
    const root = await render(fixture);

    const canvas = root.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Net sales per day: €3.00 in total');
    expect(root.querySelector('.fallback')?.classList).toContain('cdk-visually-hidden');
    expect(root.querySelector('caption')?.textContent?.trim()).toBe('Net sales per day');

    expect(chart.drawn).toHaveLength(1);
    expect(chart.last?.data).toMatchObject({ labels: ['Mar 1', 'Mar 2'], values: [1, 2], seriesLabel: 'Net sales' });
    // Without its own axis format the chart uses the value format.
    expect(chart.last?.data.formatTick(3)).toBe('€3.00');
  });

  it('redraws with new figures and after a theme change, and frees the chart when it goes', async () => {
    const fixture = create();
    await render(fixture);
    const host = fixture.componentInstance;

    host.values.set([5, 6]);
    await render(fixture);
    expect(chart.drawn).toHaveLength(1);
    expect(chart.last?.data.values).toEqual([5, 6]);
    const updates = chart.updates;

    TestBed.inject(ThemeService).set('dark');
    await render(fixture);
    expect(chart.updates).toBe(updates + 1);

    host.shown.set(false);
    await render(fixture);
    expect(chart.destroyed).toBe(1);
  });

  it('draws without animation when the user prefers reduced motion', async () => {
    const matchMedia = jest.fn((query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' }));
    Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true, writable: true });
    try {
      const fixture = create();
      await render(fixture);
      expect(chart.last?.theme.reducedMotion).toBe(true);
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });

  it('shows the table instead when the chart cannot be loaded', async () => {
    TestBed.configureTestingModule({ providers: [provideFakeBarChart()] });
    chart = TestBed.inject(FakeBarChart);
    chart.fail = true;
    const fixture = TestBed.createComponent(HostComponent);
    const root = await render(fixture);

    expect(root.querySelector('canvas')).toBeNull();
    expect(root.querySelector('.fallback')?.classList).not.toContain('cdk-visually-hidden');
    expect(root.querySelector('caption')?.textContent?.trim()).toBe('Net sales per day');
  });
});
