import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/app-config';
import { MailDeliveryError } from './mail.errors';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

/** Just enough of an SMTP server to accept one message and keep what was sent. */
async function startSmtpServer(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else {
            received.push(line);
          }
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, received };
}

function configWith(smtpUrl: string | undefined): AppConfig {
  return { isProduction: false, mail: { smtpUrl, from: 'Depot <no-reply@depot.test>' } } as AppConfig;
}

const message = {
  to: 'ada@depot.test',
  template: 'password-changed' as const,
  data: { displayName: 'Ada', changedAt: new Date('2026-11-23T19:47:00Z') },
};

describe('MailService', () => {
  const renderer = new MailRenderer('https://depot.test');

  it('keeps the message in the dev mailbox, in the caller’s transaction, when no SMTP server is set', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const service = new MailService({ tx: { query } } as never, renderer, configWith(undefined));
    await service.send(message);
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql).toMatch(/^INSERT INTO dev_mailbox/);
    expect(params.slice(1, 4)).toEqual(['ada@depot.test', 'Your Depot password was changed', 'password-changed']);
    expect(params[5]).toContain('Hello Ada,');
  });

  it('sends through SMTP_URL with MAIL_FROM, and stores nothing', async () => {
    const smtp = await startSmtpServer();
    const query = jest.fn();
    const service = new MailService({ tx: { query } } as never, renderer, configWith(`smtp://127.0.0.1:${smtp.port}`));
    try {
      await service.send(message);
      const raw = smtp.received.join('\n');
      expect(raw).toMatch(/^From: Depot <no-reply@depot\.test>$/m);
      expect(raw).toMatch(/^To: ada@depot\.test$/m);
      expect(raw).toMatch(/^Subject: Your Depot password was changed$/m);
      expect(raw).toContain('text/plain');
      expect(raw).toContain('text/html');
      expect(query).not.toHaveBeenCalled();
    } finally {
      service.onModuleDestroy();
      smtp.server.close();
    }
  });

  it('answers 503 when the SMTP server cannot be reached', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const closed = await startSmtpServer();
    closed.server.close();
    await once(closed.server, 'close');
    const service = new MailService(
      { tx: { query: jest.fn() } } as never,
      renderer,
      configWith(`smtp://127.0.0.1:${closed.port}`),
    );
    await expect(service.send(message)).rejects.toBeInstanceOf(MailDeliveryError);
    // What failed is logged; the message, which may carry a link with a token, is not.
    expect(JSON.stringify(logged.mock.calls)).not.toContain('Hello Ada');
    logged.mockRestore();
    service.onModuleDestroy();
  });
});
