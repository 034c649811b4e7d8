import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Pool } from 'pg';

/**
 * Polls `probe` until it returns something other than undefined/false, or fails after the
 * deadline with the last value seen. For conditions that become true in the background.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Mail is queued in the request's transaction and delivered by a background worker after
 * commit. Waits until nothing is left to deliver (every queued message is sent or failed), so a
 * test can then read the development mailbox, or check that nothing was mailed.
 */
export async function mailQueueSettled(db: Pool, timeoutMs = 10_000): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await db.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM mail_messages WHERE status IN ('queued', 'sending', 'retrying')`,
      );
      return rows[0].pending === 0;
    },
    timeoutMs,
    'an empty mail queue',
  );
}

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  /** Listens on `port` (e.g. one a server was told about while nothing listened: an outage ending), or any. */
  async start(port = 0): Promise<number> {
    this.server = createServer((socket) => this.session(socket));
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server?.listening) {
      this.server.close();
      await once(this.server, 'close');
    }
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    let buffer = '';
    let data: string[] | null = null;
    let envelope: ReceivedMail = { from: '', to: [], data: '' };
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (data) {
          if (line === '.') {
            this.messages.push({ ...envelope, data: data.join('\n') });
            envelope = { from: '', to: [], data: '' };
            data = null;
            socket.write('250 2.0.0 queued\r\n');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') socket.write('250 sink\r\n');
        else if (command === 'MAIL') {
          envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          socket.write('250 2.1.0 ok\r\n');
        } else if (command === 'RCPT') {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 2.1.5 ok\r\n');
        } else if (command === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  }
}

/** A TCP port on 127.0.0.1 that refuses connections (nothing listens on it). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
