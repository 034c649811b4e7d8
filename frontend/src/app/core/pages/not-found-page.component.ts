import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [MatAnchor, RouterLink],
  template: `
    <section class="status-page" aria-labelledby="not-found-title">
      <p class="status-code">404</p>
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be wrong.</p>
      <a mat-flat-button routerLink="/">Go to the start page</a>
    </section>
  `,
  styleUrl: './status-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
