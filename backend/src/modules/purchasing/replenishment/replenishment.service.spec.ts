import { suggestedQuantity } from './replenishment.service';

describe('suggestedQuantity', () => {
  it('takes the reorder quantity when set, minus what is incoming', () => {
    expect(suggestedQuantity({ available: 2, reorderPoint: 10, reorderQuantity: 40, incoming: 15 })).toBe(25);
  });

  it('fills up to the reorder point when no reorder quantity is set', () => {
    expect(suggestedQuantity({ available: 4, reorderPoint: 10, reorderQuantity: 0, incoming: 0 })).toBe(6);
    expect(suggestedQuantity({ available: -3, reorderPoint: 10, reorderQuantity: 0, incoming: 5 })).toBe(8);
  });

  it('never suggests less than nothing', () => {
    expect(suggestedQuantity({ available: 2, reorderPoint: 10, reorderQuantity: 5, incoming: 50 })).toBe(0);
  });
});
