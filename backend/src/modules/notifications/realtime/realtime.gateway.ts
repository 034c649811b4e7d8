import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  DomainEventName,
  EVENT_READ_PERMISSION,
  REALTIME_EVENT,
  REALTIME_SESSION_ENDED,
  type DomainEventEnvelope,
  type Permission,
} from '@depot/contracts';
import type { Server, Socket } from 'socket.io';
import { AccessTokenService } from '../../../platform/auth/access-token.service';
import { PrincipalResolver, type AccessTokenClaims, type Principal } from '../../../platform/auth/principal';
import { OutboxHandlers, type OutboxHandler } from '../../../platform/events/outbox-handlers';
import { UserMessages } from '../../../platform/events/user-messages';
import { Metrics } from '../../../platform/observability/metrics';

/**
 * How often connected sockets are re-checked (expired sessions, disabled users, role changes).
 * Logouts and revocations close sockets at once through the `session.revoked` event.
 */
export const SESSION_SWEEP_MS = 5_000;

interface SocketData {
  claims: AccessTokenClaims;
  principal: Principal;
}

const roomFor = (permission: Permission): string => `perm:${permission}`;
const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
const userRoom = (userId: string): string => `user:${userId}`;

/**
 * Pushes committed domain events to the browsers allowed to see them. Sockets authenticate
 * with the access token (`auth: { token }`), join one room per permission they hold, and are
 * disconnected when their session ends; each also joins its user's room for direct messages
 * (UserMessages, e.g. bulk progress). With REDIS_URL the socket.io Redis adapter carries
 * each emit to every instance.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, transports: ['websocket', 'polling'] })
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy, OutboxHandler
{
  readonly name = 'realtime';
  private readonly logger = new Logger(RealtimeGateway.name);
  private sweep?: NodeJS.Timeout;

  @WebSocketServer()
  private server!: Server;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly principals: PrincipalResolver,
    private readonly handlers: OutboxHandlers,
    private readonly metrics: Metrics,
    private readonly userMessages: UserMessages,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
    this.userMessages.attach((userId, event, payload) => this.server?.to(userRoom(userId)).emit(event, payload));
    this.metrics.gauge(
      'depot_realtime_connections',
      'Open WebSocket (socket.io) connections on this instance.',
      [],
      () => [[{}, this.server?.engine?.clientsCount ?? 0]],
    );
  }

  afterInit(server: Server): void {
    // Authenticate during the handshake, before the socket counts as connected.
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        (ok) => next(ok ? undefined : new Error('unauthorized')),
        () => next(new Error('unauthorized')),
      );
    });
    this.sweep = setInterval(() => void this.sweepSessions(), SESSION_SWEEP_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const data = socket.data as SocketData;
    await socket.join([
      sessionRoom(data.claims.sid),
      userRoom(data.principal.userId),
      ...[...data.principal.permissions].map(roomFor),
    ]);
  }

  /**
   * Outbox handler: emit each event to the room of the permission that may read it; a revoked
   * session closes its sockets on every instance at once.
   */
  handle(events: readonly DomainEventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (event.type === DomainEventName.SessionRevoked) {
        const room = sessionRoom(event.aggregateId);
        this.server.to(room).emit(REALTIME_SESSION_ENDED);
        this.server.in(room).disconnectSockets(true);
        continue;
      }
      const permission = EVENT_READ_PERMISSION[event.aggregateType];
      if (permission) this.server.to(roomFor(permission)).emit(REALTIME_EVENT, event);
    }
    return Promise.resolve();
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === 'string' ? auth.token : undefined;
    const claims = token ? this.tokens.verify(token) : null;
    if (!claims) return false;
    const principal = await this.principals.resolve(claims);
    if (!principal) return false;
    socket.data = { claims, principal } satisfies SocketData;
    return true;
  }

  /** Disconnects sockets whose session ended; follows permission changes by re-joining rooms. */
  private async sweepSessions(): Promise<void> {
    const sockets = await this.server.local.fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      try {
        const principal = await this.principals.resolve(data.claims);
        if (!principal) {
          socket.emit(REALTIME_SESSION_ENDED);
          socket.disconnect(true);
          continue;
        }
        const wanted = new Set([...principal.permissions].map(roomFor));
        for (const room of socket.rooms) if (room.startsWith('perm:') && !wanted.has(room)) socket.leave(room);
        socket.join([...wanted]);
        data.principal = principal;
      } catch (error) {
        this.logger.warn({ err: error }, 'could not re-check a socket session');
      }
    }
  }
}
