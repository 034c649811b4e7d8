import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Permission, type CompanySettingsDto } from '@depot/contracts';

import { AuthService } from '../../core/auth/auth.service';
import { IconComponent } from '../ui/icon/icon.component';
import { CompanySettingsService } from './company-settings.service';
import { COMPANY_SETTINGS_PATH, missingFieldsText } from './missing-fields';

/**
 * "Fill in your company details before issuing the first invoice": shown to users who may edit the
 * company settings while they lack something an invoice needs, with a link to them. Everyone else
 * sees nothing (and nothing is asked of the server for them).
 */
@Component({
  selector: 'app-company-setup-banner',
  imports: [MatAnchor, RouterLink, IconComponent],
  template: `
    @if (missing(); as missing) {
      <div class="banner" role="status">
        <app-icon name="business" />
        <p class="text">
          <strong>Fill in your company details before issuing the first invoice.</strong>
          Still missing: {{ missing }}.
        </p>
        <a mat-button [routerLink]="settingsPath">Company settings</a>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-block-end: 16px;
      padding: 8px 8px 8px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .text {
      flex: 1 1 240px;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanySetupBannerComponent {
  readonly #auth = inject(AuthService);
  readonly #settings = inject(CompanySettingsService);

  protected readonly settingsPath = COMPANY_SETTINGS_PATH;
  readonly #company = signal<CompanySettingsDto | null>(null);
  /** The missing fields in words, or null when there is nothing to say (complete, not allowed, not loaded). */
  protected readonly missing = computed(() => {
    const company = this.#company();
    if (!company || company.complete || !this.#auth.permissions().has(Permission.SettingsCompanyManage)) {
      return null;
    }
    return company.missing.length ? missingFieldsText(company.missing) : 'some of the details invoices need';
  });

  constructor() {
    let asked = false;
    effect(() => {
      if (asked || !this.#auth.permissions().has(Permission.SettingsCompanyManage)) {
        return;
      }
      asked = true;
      untracked(() =>
        // A failure to read the settings is not worth a second banner on the dashboard.
        this.#settings.get().subscribe({ next: (company) => this.#company.set(company), error: () => undefined }),
      );
    });
  }
}
