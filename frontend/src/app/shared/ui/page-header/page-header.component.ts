import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { IconComponent } from '../icon/icon.component';

/** Colour of the status chip (the same tones as the lists' status chips). */
export type PageHeaderTone = 'neutral' | 'info' | 'progress' | 'success' | 'muted' | 'alert';

/**
 * The header of every record page: a back link, the page's one `<h1>`, an optional status chip,
 * a subtitle and the page's actions, right-aligned (below the title on phones).
 *
 * ```html
 * <app-page-header heading="SO-2026-000042" backLink="/sales-orders" backLabel="Sales orders"
 *                  status="Confirmed" statusTone="info">
 *   <ng-container pageHeaderSubtitle>ACME · Acme Tools</ng-container>
 *   <ng-container pageHeaderActions><button mat-flat-button>Issue invoice</button></ng-container>
 * </app-page-header>
 * ```
 * A custom chip can be projected with `pageHeaderStatus` instead of `status`. Content inside `@if`
 * is projected into its slot only when the block has one root element: wrap each slot in its own `@if`.
 */
@Component({
  selector: 'app-page-header',
  imports: [MatAnchor, RouterLink, IconComponent],
  template: `
    <header class="page-header">
      @if (backLink(); as link) {
        <a mat-button class="back" [routerLink]="link">
          <app-icon name="arrowBack" />
          {{ backLabel() }}
        </a>
      }
      <div class="header-row">
        <div class="titles">
          <div class="title-line">
            <h1>{{ heading() }}</h1>
            @if (status(); as text) {
              <span class="chip status-chip" [class]="statusTone()">{{ text }}</span>
            }
            <ng-content select="[pageHeaderStatus]" />
          </div>
          <p class="subtitle"><ng-content select="[pageHeaderSubtitle]" /></p>
        </div>
        <div class="actions header-actions"><ng-content select="[pageHeaderActions]" /></div>
      </div>
    </header>
  `,
  styleUrl: './page-header.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeaderComponent {
  /** The page's title, rendered as its only `<h1>` (focus moves there after navigation). */
  readonly heading = input.required<string>();
  /** Where "back" goes (usually the list); no back link when null. */
  readonly backLink = input<string | readonly unknown[] | null>(null);
  readonly backLabel = input('Back');
  /** Text of the status chip, e.g. "Confirmed"; no chip when null or empty. */
  readonly status = input<string | null>(null);
  readonly statusTone = input<PageHeaderTone>('neutral');
}
