import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { knownKey, messageOf } from '@rg/domain/i18n/messages.zh-CN';
import { databaseFault, type DatabaseFault } from '../db/faults.ts';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'session_expired'
  | 'must_change_password'
  | 'totp_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'csrf'
  | 'locked'
  | 'invalid_credentials'
  | 'idempotency_mismatch'
  | 'internal'
  | 'unavailable'
  | 'storage_full';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  totp_required: 401,
  must_change_password: 403,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  idempotency_mismatch: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  storage_full: 507,
};

/**
 * Every error answers `{ error: { code, message, messageKey, params?, fields?, fieldKeys? } }` with
 * Chinese messages, the keys they come from beside them (decision 72), and no stack trace or personal
 * data (ISSUE 2 "Bad input", SECURITY.md 17).
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    /** Field name → message key; field messages take no parameters. */
    readonly fields?: Record<string, string>,
    /** Values for the message's `{name}` placeholders (e.g. the quota or milestone an error names). */
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.status = STATUS[code];
  }
}

/** 429 with the seconds to wait, sent as `Retry-After` (SECURITY.md 23). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'error.rateLimited');
  }
}

export const notFound = (key = 'error.notFound') => new AppError('not_found', key);
export const conflict = (key = 'error.conflict') => new AppError('conflict', key);
export const forbidden = (key = 'error.forbidden') => new AppError('forbidden', key);
export const invalid = (fields: Record<string, string>) => new AppError('validation', 'error.validation', fields);

export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Chinese, as before the keys were added. */
    message: string;
    /** The key `message` was resolved from, with its parameters, for a console in another language. */
    messageKey: string;
    params?: Record<string, string | number>;
    /** Field name → Chinese message. */
    fields?: Record<string, string>;
    /** Field name → the key of its message in `fields`. */
    fieldKeys?: Record<string, string>;
  };
}

const mapValues = (record: Record<string, string>, map: (value: string) => string) =>
  Object.fromEntries(Object.entries(record).map(([name, value]) => [name, map(value)]));

export function errorBody(
  code: ErrorCode,
  messageKey: string,
  fieldKeys?: Record<string, string>,
  params?: Record<string, string | number>,
): ErrorBody {
  const key = knownKey(messageKey);
  const keys = fieldKeys && mapValues(fieldKeys, knownKey);
  return {
    error: {
      code,
      message: messageOf(key, params),
      messageKey: key,
      ...(params ? { params } : {}),
      ...(keys ? { fields: mapValues(keys, (fieldKey) => messageOf(fieldKey)), fieldKeys: keys } : {}),
    },
  };
}

interface ZodIssueLike {
  path?: PropertyKey[];
  instancePath?: string;
  message?: string;
  code?: string;
  keys?: string[];
}

/** Zod issues → `{ field: message key }`: our i18n key where the schema set one, else a generic one. */
function fieldsFromIssues(issues: ZodIssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[key] = 'zod.unknownField';
      continue;
    }
    const name = (issue.path ?? []).map(String).join('.') || (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '_';
    if (fields[name]) continue;
    const key =
      issue.message && /^[a-z][\w]*\.[\w.]+$/.test(issue.message)
        ? issue.message
        : issue.code === 'invalid_type'
          ? 'zod.required'
          : 'zod.invalid';
    fields[name] = key;
  }
  return fields;
}

/** Called for every refused access so the denial is audited (SECURITY.md 18). */
export type DenialRecorder = (request: FastifyRequest, err: AppError) => Promise<void>;

/** A unique constraint that a concurrent request won: the client may retry (PostgreSQL 23505, SQLite). */
function isUniqueViolation(err: { code?: string }): boolean {
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Told of every database or storage fault a request met, for the log and /api/ready (core/health). */
export type FaultRecorder = (fault: DatabaseFault) => void;

/** How each fault answers (issue 15 findings 2, 4, 5); transient ones say when to try again. */
const FAULT_ANSWERS: Record<DatabaseFault['kind'], { code: ErrorCode; messageKey: string; retryAfter?: string }> = {
  unavailable: { code: 'unavailable', messageKey: 'error.databaseUnavailable', retryAfter: '5' },
  busy: { code: 'unavailable', messageKey: 'error.databaseBusy', retryAfter: '1' },
  full: { code: 'storage_full', messageKey: 'error.storageFull' },
  restart: { code: 'unavailable', messageKey: 'error.restartRequired' },
};

export function registerErrorHandler(app: FastifyInstance, onDenied: DenialRecorder, onFault: FaultRecorder = () => undefined): void {
  app.setErrorHandler(async (err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'forbidden' || err.code === 'not_found') await onDenied(request, err);
      if (err instanceof RateLimitedError) void reply.header('Retry-After', String(err.retryAfterSeconds));
      return reply.status(err.status).send(errorBody(err.code, err.messageKey, err.fields, err.params));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: ZodIssueLike[] = err.validation.map((v) => ({
        code: v.keyword,
        message: v.message,
        instancePath: v.instancePath,
        keys: Array.isArray(v.params.keys) ? (v.params.keys as string[]) : undefined,
      }));
      return reply.status(400).send(errorBody('validation', 'error.validation', fieldsFromIssues(issues)));
    }
    const fault = databaseFault(err);
    if (fault) {
      onFault(fault);
      const answer = FAULT_ANSWERS[fault.kind];
      if (answer.retryAfter) void reply.header('retry-after', answer.retryAfter);
      return reply.status(STATUS[answer.code]).send(errorBody(answer.code, answer.messageKey));
    }
    if (isUniqueViolation(err)) return reply.status(409).send(errorBody('conflict', 'error.conflict'));
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('too_large', 'error.tooLarge'));
    }
    if (err.statusCode === 415) return reply.status(415).send(errorBody('unsupported_type', 'error.unsupportedType'));
    if (err.statusCode === 429) return reply.status(429).send(errorBody('rate_limited', 'error.rateLimited'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode === 404 ? 404 : 400)
        .send(
          errorBody(err.statusCode === 404 ? 'not_found' : 'validation', err.statusCode === 404 ? 'error.notFound' : 'error.validation'),
        );
    }
    // Log the error class and request id only: messages may quote input (SECURITY.md 17).
    request.log.error({ err: { type: err.name, code: err.code }, reqId: request.id }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'error.internal'));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('not_found', 'error.notFound')));
}
