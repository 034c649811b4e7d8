import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from './webhook-sender';

describe('postWebhook', () => {
  let server: Server;
  let base: string;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume();
      request.on('end', () => {
        if (request.url === '/moved') response.writeHead(302, { location: `${base}/elsewhere` }).end('moved');
        else response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    paths.length = 0;
  });

  it('answers a redirect as it is, without following it', async () => {
    const result = await postWebhook(`${base}/moved`, {}, '{}', { timeoutMs: 2000, allowPrivate: true });
    expect(result).toMatchObject({ status: 302, body: 'moved' });
    expect(paths).toEqual(['/moved']);
  });

  it('refuses an address literal of this machine unless private targets are allowed', async () => {
    await expect(postWebhook(`${base}/x`, {}, '{}', { timeoutMs: 2000, allowPrivate: false })).rejects.toThrow(
      /non-public address 127\.0\.0\.1/,
    );
    await expect(
      postWebhook('http://[::127.0.0.1]:9/x', {}, '{}', { timeoutMs: 2000, allowPrivate: false }),
    ).rejects.toThrow(/non-public address ::7f00:1/);
    expect(paths).toEqual([]);
  });

  it('refuses a local name at connect time before resolving it', async () => {
    const port = (server.address() as AddressInfo).port;
    await expect(
      postWebhook(`http://localhost.:${port}/x`, {}, '{}', { timeoutMs: 2000, allowPrivate: false }),
    ).rejects.toThrow(/refused to connect to localhost/);
    expect(paths).toEqual([]);
  });
});
