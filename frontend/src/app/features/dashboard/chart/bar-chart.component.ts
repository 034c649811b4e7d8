import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { DOCUMENT } from '@angular/common';

import { ThemeService } from '../../../core/theme/theme.service';
import { BAR_CHART_LOADER, type BarChartData, type BarChartHandle, type BarChartTheme } from './bar-chart-loader';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/**
 * A bar chart drawn by Chart.js (loaded on first use), in the theme's colours, without animation
 * when the user prefers reduced motion. The canvas is an image named by `label`; the projected
 * content (a table of the same figures) is there for screen readers, and is shown instead of the
 * chart if the chart cannot be loaded.
 */
@Component({
  selector: 'app-bar-chart',
  template: `
    @if (!failed()) {
      <div class="canvas-box">
        <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
      </div>
    }
    <div class="fallback" [class.cdk-visually-hidden]="!failed()">
      <ng-content />
    </div>
    <span #probe class="probe" aria-hidden="true"></span>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .canvas-box {
      position: relative;
      block-size: var(--app-chart-height, 240px);
    }
    /* Carries the theme colours the canvas is drawn with (read as resolved values). */
    .probe {
      position: absolute;
      inline-size: 0;
      block-size: 0;
      overflow: hidden;
      visibility: hidden;
      color: var(--mat-sys-primary);
      border-block-start: 0 solid var(--mat-sys-outline-variant);
      outline: 0 solid var(--mat-sys-on-surface-variant);
      font-family: var(--app-font-family, inherit);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChartComponent {
  readonly labels = input.required<readonly string[]>();
  readonly values = input.required<readonly number[]>();
  readonly seriesLabel = input.required<string>();
  /** The accessible name of the chart: what it shows and its main figures. */
  readonly label = input.required<string>();
  readonly formatValue = input<(value: number) => string>(String);
  /** Formats the value axis; defaults to `formatValue`. */
  readonly formatTick = input<((value: number) => string) | null>(null);

  readonly #theme = inject(ThemeService);
  readonly #window = inject(DOCUMENT).defaultView;
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly probe = viewChild.required<ElementRef<HTMLElement>>('probe');
  readonly #loadChart = inject(BAR_CHART_LOADER);
  #chart: BarChartHandle | null = null;
  #destroyed = false;

  protected readonly failed = signal(false);

  constructor() {
    afterNextRender(() => void this.#create());
    effect(() => {
      const data = this.#data();
      this.#theme.theme();
      untracked(() => this.#chart?.update(data, this.#readTheme()));
    });
    inject(DestroyRef).onDestroy(() => {
      this.#destroyed = true;
      this.#chart?.destroy();
      this.#chart = null;
    });
  }

  async #create(): Promise<void> {
    try {
      const create = await this.#loadChart();
      const canvas = this.canvas()?.nativeElement;
      if (this.#destroyed || !canvas) {
        return;
      }
      this.#chart = create(canvas, this.#data(), this.#readTheme());
    } catch {
      // No chart (the chunk did not load, or the canvas cannot draw): the table is shown instead.
      this.failed.set(true);
    }
  }

  #data(): BarChartData {
    const formatValue = this.formatValue();
    return {
      labels: this.labels(),
      values: this.values(),
      seriesLabel: this.seriesLabel(),
      formatValue,
      formatTick: this.formatTick() ?? formatValue,
    };
  }

  /** The theme's colours as the browser resolves them now (Material tokens are `light-dark()` pairs). */
  #readTheme(): BarChartTheme {
    const style = this.#window?.getComputedStyle(this.probe().nativeElement);
    return {
      bar: style?.color || '#005cbb',
      grid: style?.borderBlockStartColor || style?.borderTopColor || 'rgba(128, 128, 128, 0.3)',
      text: style?.outlineColor || '#44474e',
      fontFamily: style?.fontFamily || 'system-ui, sans-serif',
      reducedMotion: this.#window?.matchMedia?.(REDUCED_MOTION_QUERY).matches ?? false,
    };
  }
}
