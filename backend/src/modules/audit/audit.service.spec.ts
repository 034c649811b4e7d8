import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { ClsService } from 'nestjs-cls';
import type { RequestContext } from '../../platform/context/request-context';
import { AuditService } from './audit.service';

describe('AuditService', () => {
  function service() {
    const query = jest.fn().mockResolvedValue([]);
    const txHost = { tx: { query } } as unknown as TransactionHost<TransactionalAdapterTypeOrm>;
    const cls = { isActive: () => false } as unknown as ClsService<RequestContext>;
    return { audit: new AuditService(txHost, cls), query };
  }

  it('writes no row for an update that changed nothing', async () => {
    const { audit, query } = service();
    await audit.record({ action: 'update', entityType: 'product', entityId: 'p', changes: {} });
    expect(query).not.toHaveBeenCalled();
  });

  it('writes a row for a change, and for an event without field changes', async () => {
    const { audit, query } = service();
    await audit.record({
      action: 'update',
      entityType: 'product',
      entityId: 'p',
      changes: { name: { before: 'a', after: 'b' } },
    });
    await audit.record({ action: 'auth.password.changed', entityType: 'user', entityId: 'u' });
    expect(query).toHaveBeenCalledTimes(2);
  });
});
