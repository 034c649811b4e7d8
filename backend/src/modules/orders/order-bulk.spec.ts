import { ErrorCode } from '@depot/contracts';
import { cancelDraftRow } from './order-bulk';

describe('cancelDraftRow', () => {
  const cancel = jest.fn((_version: number) => Promise.resolve({ status: 'cancelled' }));

  beforeEach(() => cancel.mockClear());

  it('cancels a draft through the single-order cancel, with its version', async () => {
    const outcome = await cancelDraftRow('sales order', { number: 'SO-1', status: 'draft', version: 4 }, cancel);
    expect(cancel).toHaveBeenCalledWith(4);
    expect(outcome).toEqual({ status: 'ok', before: { status: 'draft' }, after: { status: 'cancelled' } });
  });

  it('leaves a cancelled order unchanged', async () => {
    const outcome = await cancelDraftRow('sales order', { number: 'SO-1', status: 'cancelled', version: 2 }, cancel);
    expect(outcome).toEqual({ status: 'unchanged' });
    expect(cancel).not.toHaveBeenCalled();
  });

  it('refuses any other status with the transition error code', async () => {
    await expect(
      cancelDraftRow('purchase order', { number: 'PO-9', status: 'partially_received', version: 1 }, cancel),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidOrderTransition,
      detail: expect.stringContaining('partially received'),
    });
  });
});
