import type { FastifyInstance } from 'fastify';
import { READY_PREFIX } from '../proc.ts';

/**
 * Listens on a free loopback port, prints `BENCH_READY {port, …ready}` for the bench that started this
 * process, and on SIGTERM/SIGINT closes the server and then `closeAlso` (its database) before exiting.
 */
export async function serveForBench(
  app: FastifyInstance,
  closeAlso: () => Promise<void> | void,
  ready: Record<string, unknown> = {},
): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shutdown = async () => {
    await app.close();
    await closeAlso();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  console.log(`${READY_PREFIX}${JSON.stringify({ port, ...ready })}`);
}
