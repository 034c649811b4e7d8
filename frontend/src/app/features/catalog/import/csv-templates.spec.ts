import { templateCsv, toCsv } from './csv-templates';

describe('CSV templates', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', ' padded'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi"""," padded"\r\n');
  });

  it('has a header and an example row for each kind', () => {
    const products = templateCsv('products').trimEnd().split('\r\n');
    expect(products).toHaveLength(2);
    expect(products[0].split(',')).toHaveLength(13);
    expect(products[1].split(',')).toHaveLength(13);

    expect(templateCsv('opening-stock')).toBe('sku,warehouse_code,quantity\r\nHAMMER-500,BER-1,100\r\n');
  });
});
