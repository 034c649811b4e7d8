import { InjectionToken } from '@angular/core';

/** What the bar chart draws: one series of numbers, one label each. */
export interface BarChartData {
  labels: readonly string[];
  values: readonly number[];
  /** Names the series in tooltips, e.g. "Net sales". */
  seriesLabel: string;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
}

/** Colours and font read from the current theme (canvas cannot use CSS variables). */
export interface BarChartTheme {
  bar: string;
  grid: string;
  text: string;
  fontFamily: string;
  reducedMotion: boolean;
}

/** A drawn chart: redraw with new data or theme, or free it. */
export interface BarChartHandle {
  update(data: BarChartData, theme: BarChartTheme): void;
  destroy(): void;
}

export type BarChartFactory = (canvas: HTMLCanvasElement, data: BarChartData, theme: BarChartTheme) => BarChartHandle;

/**
 * Loads the chart renderer on first use. Chart.js is imported dynamically from here, so it lands
 * in a chunk of its own that only a page showing a chart downloads; tests provide a fake.
 */
export const BAR_CHART_LOADER = new InjectionToken<() => Promise<BarChartFactory>>('BAR_CHART_LOADER', {
  providedIn: 'root',
  factory: () => () => import('./bar-chart-renderer').then((m) => m.createBarChart),
});
