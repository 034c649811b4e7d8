import { attachmentFileName } from '../../../../shared/http/download';
import { productQueryParams } from './products.service';

describe('products service helpers', () => {
  it('repeats attribute filters and leaves out empty values', () => {
    const params = productQueryParams({
      q: '',
      status: 'active',
      attribute: ['color:red', 'size:M'],
      belowReorderPoint: true,
      limit: 25,
    });
    expect(params.toString()).toBe(
      'status=active&attribute=color:red&attribute=size:M&belowReorderPoint=true&limit=25',
    );
  });

  it('reads the file name of an attachment', () => {
    expect(attachmentFileName('attachment; filename="products-2026-12-02.csv"')).toBe('products-2026-12-02.csv');
    expect(attachmentFileName("attachment; filename*=UTF-8''produits%20%C3%A9t%C3%A9.csv")).toBe('produits été.csv');
    expect(attachmentFileName('attachment')).toBeNull();
    expect(attachmentFileName(null)).toBeNull();
  });
});
