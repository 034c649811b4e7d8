import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { RecentWriters } from './recent-writers';

/** Methods that never write. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes for the read replica: once a signed-in caller's unsafe request (POST, PUT,
 * PATCH, DELETE) has run, successful or not (a failed request may still have written its audit
 * row), the caller is remembered as a recent writer before the answer leaves (`onSend`), so the
 * next report they ask for comes from the primary. Registered only with DATABASE_READ_URL: without
 * a replica no request pays for it.
 */
export function registerReadYourWrites(fastify: FastifyInstance, recentWriters: RecentWriters): void {
  fastify.addHook('onSend', async (request: FastifyRequest & { user?: Principal }, _reply, payload) => {
    if (SAFE_METHODS.has(request.method)) return payload;
    const userId = request.user?.userId;
    if (userId) await recentWriters.remember(userId);
    return payload;
  });
}
