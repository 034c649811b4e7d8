import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { BulkResult } from '@depot/contracts';
import { Subject } from 'rxjs';

import { FakeRealtimeService, provideFakeRealtime } from '../../../testing/fake-realtime';
import { settle } from '../../../testing/test-helpers';
import type { BulkAction, BulkActionContext } from './bulk-action';
import { BulkActionBarComponent } from './bulk-action-bar.component';
import { summaryText } from './bulk-result-summary.component';

const RESULT: BulkResult = {
  dryRun: false,
  results: [
    { id: 'a', status: 'ok', label: 'A-1 Apple' },
    { id: 'b', status: 'failed', label: 'B-1 Banana', error: { code: 'X', detail: 'It is archived.' } },
    { id: 'c', status: 'unchanged' },
  ],
  summary: { ok: 1, failed: 1, unchanged: 1 },
};

@Component({
  imports: [BulkActionBarComponent],
  template: `<app-bulk-action-bar
    [ids]="ids()"
    [actions]="actions"
    (cleared)="cleared = cleared + 1"
    (completed)="completed = $event"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly ids = signal<readonly string[]>(['a', 'b', 'c']);
  readonly answer = new Subject<BulkResult | null>();
  context: BulkActionContext | null = null;
  cleared = 0;
  completed: BulkResult | null = null;
  readonly actions: BulkAction[] = [
    {
      key: 'archive',
      label: 'Archive',
      run: (context) => {
        this.context = context;
        return this.answer;
      },
    },
  ];
}

describe('BulkActionBarComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [provideFakeRealtime(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, host: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

  const button = (element: HTMLElement, text: string) =>
    [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text)!;

  it('shows how many rows are selected and the actions of the list', async () => {
    const { element } = await render();
    expect(element.textContent).toContain('3 selected');
    expect(button(element, 'Archive')).toBeTruthy();
  });

  it('runs an action with the ids, shows the pushed progress, then the outcome with row errors', async () => {
    const { fixture, host, element } = await render();
    button(element, 'Archive').click();
    fixture.detectChanges();
    expect(host.context?.ids).toEqual(['a', 'b', 'c']);
    expect(button(element, 'Archive').disabled).toBe(true);

    TestBed.inject(FakeRealtimeService).emitBulkProgress({ operationId: host.context!.operationId, done: 1, total: 3 });
    fixture.detectChanges();
    await settle();
    const bar = element.querySelector('mat-progress-bar')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('33');
    expect(element.textContent).toContain('1 of 3');

    host.answer.next(RESULT);
    host.answer.complete();
    fixture.detectChanges();
    await settle();
    expect(element.textContent).toContain('3 of 3');
    expect(element.textContent).toContain('1 done, 1 failed, 1 unchanged');
    expect(element.textContent).toContain('B-1 Banana: It is archived.');
    expect(host.completed).toEqual(RESULT);
    expect(button(element, 'Archive').disabled).toBe(false);
  });

  it('shows nothing when the user cancelled the action', async () => {
    const { fixture, host, element } = await render();
    button(element, 'Archive').click();
    host.answer.next(null);
    host.answer.complete();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(host.completed).toBeNull();
  });

  it('asks the list to clear the selection', async () => {
    const { host, element } = await render();
    button(element, 'Clear').click();
    expect(host.cleared).toBe(1);
  });

  it('summarises only the counts that are not zero', () => {
    expect(summaryText({ ...RESULT, summary: { ok: 4, failed: 0, unchanged: 0 } })).toBe('4 done');
  });
});
