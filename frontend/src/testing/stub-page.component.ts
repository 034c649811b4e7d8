import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';

/** A routed placeholder page that shows its route's `data.text`. */
@Component({
  selector: 'app-stub-page',
  template: '<p>{{ text }}</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StubPageComponent {
  protected readonly text: unknown = inject(ActivatedRoute).snapshot.data['text'] ?? 'stub';
}
