import { TestBed } from '@angular/core/testing';
import type { BulkResult } from '@depot/contracts';

import { BulkResultSummaryComponent, summaryText } from './bulk-result-summary.component';

const RESULT: BulkResult = {
  dryRun: false,
  results: [
    { id: 'a', status: 'ok' },
    { id: 'b', status: 'failed', error: { code: 'X', detail: 'Only drafts are cancelled in bulk.' } },
  ],
  summary: { ok: 1, failed: 1, unchanged: 0 },
};

describe('BulkResultSummaryComponent', () => {
  it('shows the counts and the reason of each failed row (by id when there is no label)', () => {
    const fixture = TestBed.createComponent(BulkResultSummaryComponent);
    fixture.componentRef.setInput('result', RESULT);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="status"]')?.textContent).toContain('1 done, 1 failed');
    expect(element.querySelector('li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'b: Only drafts are cancelled in bulk.',
    );
  });

  it('leaves out counts that are zero', () => {
    expect(summaryText({ ...RESULT, summary: { ok: 0, failed: 0, unchanged: 3 } })).toBe('0 done, 3 unchanged');
  });
});
