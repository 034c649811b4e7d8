import type { DataSource } from 'typeorm';
import { AuditPresenter, humanizeStatus, type PresentableAuditEvent } from './audit-presenter';

const CATEGORY_A = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10';
const CATEGORY_B = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11';
const PRODUCT = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c12';
const USER = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c13';
const WAREHOUSE = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c14';

function fakeDataSource() {
  const queries: { sql: string; params: unknown[] }[] = [];
  const dataSource = {
    query: (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      if (sql.includes('FROM categories'))
        return Promise.resolve([
          { key: CATEGORY_A, name: 'Hand tools', currency: null },
          { key: CATEGORY_B, name: 'Power tools', currency: null },
        ]);
      if (sql.includes('FROM products'))
        return Promise.resolve([{ key: PRODUCT, name: 'HAM-1 · Claw hammer', currency: 'EUR' }]);
      if (sql.includes('FROM users')) return Promise.resolve([{ key: USER, name: 'Ada Admin', currency: null }]);
      if (sql.includes('lower(code)'))
        return Promise.resolve([{ key: 'ber-1', id: WAREHOUSE, name: 'BER-1 · Berlin' }]);
      return Promise.resolve([]);
    },
  };
  return { dataSource: dataSource as unknown as DataSource, queries };
}

const event = (overrides: Partial<PresentableAuditEvent>): PresentableAuditEvent => ({
  actorType: 'user',
  actorId: USER,
  entityType: 'product',
  entityId: PRODUCT,
  changes: null,
  ...overrides,
});

describe('AuditPresenter', () => {
  it('labels fields, keeps money raw with its currency and resolves references, one query per kind', async () => {
    const { dataSource, queries } = fakeDataSource();
    const events = Array.from({ length: 20 }, () =>
      event({
        changes: {
          priceMinor: { before: 1250, after: 1499 },
          categoryId: { before: CATEGORY_A, after: CATEGORY_B },
          'onHand.BER-1': { before: 0, after: 5 },
        },
      }),
    );
    const [first] = await new AuditPresenter(dataSource).present(events);

    expect(queries).toHaveLength(4);
    expect(first.entityRef).toEqual({
      type: 'product',
      id: PRODUCT,
      name: 'HAM-1 · Claw hammer',
      url: `/products/${PRODUCT}`,
    });
    expect(first.actorRef).toMatchObject({ name: 'Ada Admin', url: `/admin/users/${USER}` });
    expect(first.fieldChanges).toEqual([
      { field: 'priceMinor', label: 'Price', kind: 'money', before: 1250, after: 1499, currency: 'EUR' },
      {
        field: 'categoryId',
        label: 'Category',
        kind: 'reference',
        before: CATEGORY_A,
        after: CATEGORY_B,
        beforeDisplay: 'Hand tools',
        afterDisplay: 'Power tools',
        beforeRef: { type: 'category', id: CATEGORY_A, name: 'Hand tools', url: '/categories' },
        afterRef: { type: 'category', id: CATEGORY_B, name: 'Power tools', url: '/categories' },
      },
      {
        field: 'onHand.BER-1',
        label: 'On hand · BER-1 · Berlin',
        kind: 'quantity',
        before: 0,
        after: 5,
        ref: { type: 'warehouse', id: WAREHOUSE, name: 'BER-1 · Berlin', url: '/warehouses' },
      },
    ]);
  });

  it('says so for a deleted reference, shows statuses, lists and booleans in words, and queries nothing for none', async () => {
    const { dataSource, queries } = fakeDataSource();
    const [presented] = await new AuditPresenter(dataSource).present([
      event({
        entityType: 'user',
        entityId: null,
        actorType: 'system',
        actorId: null,
        changes: {
          status: { before: 'active', after: 'disabled' },
          roles: { before: ['viewer'], after: ['clerk', 'viewer'] },
          unknownField: { before: 1, after: 2 },
        },
      }),
      event({
        entityType: 'warehouse',
        entityId: null,
        actorId: null,
        changes: { active: { before: true, after: false } },
      }),
    ]);
    expect(queries).toHaveLength(0);
    expect(presented.fieldChanges.map((change) => [change.label, change.beforeDisplay, change.afterDisplay])).toEqual([
      ['Status', 'Active', 'Disabled'],
      ['Roles', 'viewer', 'clerk, viewer'],
      ['Unknown field', undefined, undefined],
    ]);
    const { dataSource: other } = fakeDataSource();
    const [gone] = await new AuditPresenter(other).present([
      event({ changes: { categoryId: { before: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c99', after: null } } }),
    ]);
    expect(gone.fieldChanges[0]).toMatchObject({
      beforeDisplay: 'Deleted record',
      afterDisplay: null,
      beforeRef: null,
    });
    expect(humanizeStatus('partially_received')).toBe('Partially received');
  });
});
