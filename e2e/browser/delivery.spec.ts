import { expect, test } from './support/fixtures';

test.describe('delivery of the admin UI', () => {
  test('scripts and styles are sent compressed and cached for a year, index.html is revalidated', async ({
    request,
  }) => {
    const index = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.ok()).toBe(true);
    expect(index.headers()['cache-control']).toBe('no-cache');
    const html = await index.text();
    const script = html.match(/src="(main-[A-Z0-9]+\.js)"/)?.[1];
    const style = html.match(/href="(styles-[A-Z0-9]+\.css)"/)?.[1];
    expect(script).toBeTruthy();
    expect(style).toBeTruthy();

    for (const [asset, type] of [
      [script!, 'javascript'],
      [style!, 'css'],
    ] as const) {
      const brotli = await request.get(`/${asset}`, { headers: { 'accept-encoding': 'br' } });
      expect(brotli.headers()['content-encoding']).toBe('br');
      expect(brotli.headers()['content-type']).toContain(type);
      expect(brotli.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      const gzip = await request.get(`/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers()['content-encoding']).toBe('gzip');
      const plain = await request.get(`/${asset}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers()['content-encoding']).toBeUndefined();
      // Playwright decodes the bodies: all three are the same file.
      expect((await brotli.body()).equals(await plain.body())).toBe(true);
      expect((await gzip.body()).equals(await plain.body())).toBe(true);
    }
  });
});
