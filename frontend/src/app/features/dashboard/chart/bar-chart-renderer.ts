import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartOptions,
} from 'chart.js';

import type { BarChartData, BarChartFactory, BarChartTheme } from './bar-chart-loader';

// Only what a bar chart with tooltips needs, so the rest of Chart.js is tree-shaken away.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type BarConfig = ChartConfiguration<'bar', number[], string>;

/** Draws a Chart.js bar chart on `canvas` (loaded lazily through BAR_CHART_LOADER). */
export const createBarChart: BarChartFactory = (canvas, data, theme) => {
  const chart = new Chart<'bar', number[], string>(canvas, config(data, theme));
  return {
    update(next, nextTheme) {
      const updated = config(next, nextTheme);
      chart.data = updated.data;
      chart.options = updated.options ?? {};
      chart.update(nextTheme.reducedMotion ? 'none' : undefined);
    },
    destroy() {
      chart.destroy();
    },
  };
};

function config(data: BarChartData, theme: BarChartTheme): BarConfig {
  const ticks = { color: theme.text, font: { family: theme.fontFamily } };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.reducedMotion ? false : { duration: 400 },
    plugins: {
      tooltip: {
        displayColors: false,
        titleFont: { family: theme.fontFamily },
        bodyFont: { family: theme.fontFamily },
        callbacks: { label: (item) => `${data.seriesLabel}: ${data.formatValue(item.parsed.y ?? 0)}` },
      },
    },
    scales: {
      x: {
        grid: { display: false },
        border: { color: theme.grid },
        ticks: { ...ticks, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
      },
      y: {
        beginAtZero: true,
        grid: { color: theme.grid },
        border: { display: false },
        ticks: { ...ticks, maxTicksLimit: 6, callback: (value) => data.formatTick(Number(value)) },
      },
    },
  };
  return {
    type: 'bar',
    data: {
      labels: [...data.labels],
      datasets: [
        {
          label: data.seriesLabel,
          data: [...data.values],
          backgroundColor: theme.bar,
          hoverBackgroundColor: theme.bar,
          borderRadius: 3,
          maxBarThickness: 28,
        },
      ],
    },
    options,
  };
}
