import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';

import { IconComponent } from '../../shared/ui/icon/icon.component';
import { ThemeService } from './theme.service';

/** Toolbar button that switches between the light and the dark theme. */
@Component({
  selector: 'app-theme-toggle',
  imports: [MatIconButton, IconComponent],
  template: `
    <button mat-icon-button type="button" (click)="theme.toggle()" [attr.aria-label]="label()" [title]="label()">
      <app-icon [name]="isDark() ? 'lightMode' : 'darkMode'" />
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeToggleComponent {
  protected readonly theme = inject(ThemeService);
  protected readonly isDark = computed(() => this.theme.theme() === 'dark');
  protected readonly label = computed(() => (this.isDark() ? 'Switch to light theme' : 'Switch to dark theme'));
}
