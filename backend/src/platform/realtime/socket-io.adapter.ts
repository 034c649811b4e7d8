import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io on the API's own HTTP server. With a Redis URL, the Redis adapter fans every emit
 * out to the sockets of all instances.
 */
export class DepotSocketIoAdapter extends IoAdapter {
  private clients: Redis[] = [];
  private readonly servers: Server[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    this.servers.push(server);
    if (this.redisUrl) {
      const pub = new Redis(this.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      this.clients = [pub, sub];
      server.adapter(createAdapter(pub, sub));
    }
    return server;
  }

  /**
   * Shutdown: closes every socket.io connection (WebSocket and long-polling) at the transport level
   * so the HTTP server can drain. Not `disconnectSockets()`: a client told "io server disconnect"
   * never reconnects, while one that loses its transport reconnects by itself, through the proxy,
   * to another instance (found by the fleet test: sockets stayed down after a rolling deploy).
   */
  disconnectAll(): void {
    for (const server of this.servers) server.engine.close();
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
