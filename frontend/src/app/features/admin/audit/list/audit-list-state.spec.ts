import { convertToParamMap } from '@angular/router';

import { describeChanges } from './audit-list.component';
import {
  EMPTY_AUDIT_FILTERS,
  parseAuditListState,
  toAuditApiQuery,
  toAuditExportQuery,
  toAuditQueryParams,
} from './audit-list-state';

const ACTOR = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10';

describe('audit log URL state', () => {
  it('reads the filters from the URL and drops malformed ones', () => {
    const params = convertToParamMap({
      action: 'auth.login.failed',
      actorId: ACTOR,
      entityType: 'product',
      entityId: 'not-a-uuid',
      from: '2026-11-01',
      to: 'yesterday',
      limit: '100',
      cursor: 'c2',
    });
    expect(parseAuditListState(params, 'audit')).toEqual({
      action: 'auth.login.failed',
      actorId: ACTOR,
      entityType: 'product',
      entityId: '',
      from: '2026-11-01',
      to: '',
    });
  });

  it('ignores entity filters in the security log', () => {
    const params = convertToParamMap({ entityType: 'product', entityId: ACTOR, action: 'auth.' });
    expect(parseAuditListState(params, 'security')).toEqual({ ...EMPTY_AUDIT_FILTERS, action: 'auth.' });
  });

  it('keeps the URL clean and sends days as instants, the last day included', () => {
    const state = { ...EMPTY_AUDIT_FILTERS, action: 'identity.', from: '2026-11-01', to: '2026-11-02' };
    expect(toAuditQueryParams(state)).toEqual({
      action: 'identity.',
      actorId: null,
      entityType: null,
      entityId: null,
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(toAuditApiQuery(state)).toEqual({
      action: 'identity.',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 3).toISOString(),
    });
  });

  it('exports with the same filters as the list, without paging', () => {
    const state = {
      ...EMPTY_AUDIT_FILTERS,
      entityType: 'invoice',
      entityId: ACTOR,
      from: '2026-11-01',
    };
    expect(toAuditExportQuery(state)).toEqual({
      entityType: 'invoice',
      entityId: ACTOR,
      from: new Date(2026, 10, 1).toISOString(),
    });
  });
});

describe('describeChanges', () => {
  it('lists each changed field as before and after', () => {
    expect(
      describeChanges({
        priceMinor: { before: 500, after: 750 },
        name: { before: null, after: 'Widget' },
        tags: { before: ['a'], after: ['a', 'b'] },
      }),
    ).toEqual([
      { field: 'priceMinor', before: '500', after: '750' },
      { field: 'name', before: '–', after: 'Widget' },
      { field: 'tags', before: '["a"]', after: '["a","b"]' },
    ]);
    expect(describeChanges(null)).toEqual([]);
  });
});
