import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-forbidden-page',
  imports: [MatAnchor, RouterLink],
  template: `
    <section class="status-page" aria-labelledby="forbidden-title">
      <p class="status-code">403</p>
      <h1 id="forbidden-title">Forbidden</h1>
      <p>Your account does not have permission to open this page. Ask an administrator if you need access.</p>
      <a mat-flat-button routerLink="/">Go to the start page</a>
    </section>
  `,
  styleUrl: './status-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPageComponent {}
