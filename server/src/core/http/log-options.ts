import type { Writable } from 'node:stream';
import type { FastifyLoggerOptions } from 'fastify';

/**
 * The request log (SECURITY.md 17): method, path without its query string (searches carry names and
 * phone numbers), status, time and request id — never headers, bodies or query values. Errors are
 * logged by the error handler as their class and code only.
 */
export function logOptions(level: string, stream?: Writable): FastifyLoggerOptions & { stream?: Writable } {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        id: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
