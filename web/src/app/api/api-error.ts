import type { MessageParams, ServerText } from '../i18n/translate.ts';

/**
 * An error answered by the server as `{ error: { code, message, messageKey, params?, fields?, fieldKeys? } }`:
 * its Chinese texts with the keys they come from, shown through `useErrorMessages` in the chosen language.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's message, or null when the answer was not our error body. */
    readonly text: ServerText | null,
    /** Field name → the server's message for that field. */
    readonly fields: Readonly<Record<string, ServerText>> = {},
  ) {
    super(text?.text ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageKey?: string;
    params?: MessageParams;
    fields?: Record<string, string>;
    fieldKeys?: Record<string, string>;
  };
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Never throws: a body that is not ours becomes an error with the HTTP status and no text. */
export function toApiError(status: number, body: unknown): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, 'http_' + status, null);
  const { code, message, messageKey, params, fields = {}, fieldKeys = {} } = body.error;
  const fieldTexts = Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, { text, key: fieldKeys[name] }]));
  return new ApiError(status, code, { text: message, key: messageKey, params }, fieldTexts);
}
