import { App } from 'antd';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ApiError } from './api-error.ts';

export interface ErrorMessages {
  /** What went wrong, in the chosen language: the server's message, or ours for a failed or unreadable answer. */
  errorMessage: (error: unknown) => string;
  /** The server's field messages in the chosen language, by field name; empty for any other error. */
  fieldErrors: (error: unknown) => Record<string, string>;
}

export function useErrorMessages(): ErrorMessages {
  const { t, tServer } = useI18n();
  return useMemo(
    () => ({
      errorMessage: (error) => {
        if (error instanceof ApiError) return error.text ? tServer(error.text) : t('app.requestFailed', { status: error.status });
        if (error instanceof TypeError) return t('app.networkFailed');
        return error instanceof Error ? error.message : String(error);
      },
      fieldErrors: (error) =>
        error instanceof ApiError ? Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [name, tServer(text)])) : {},
    }),
    [t, tServer],
  );
}

/** Shows an error as a toast in the chosen language: the `onError` of a mutation whose form shows nothing itself. */
export function useErrorToast(): (error: unknown) => void {
  const { message } = App.useApp();
  const { errorMessage } = useErrorMessages();
  return useCallback((error: unknown) => void message.error(errorMessage(error)), [message, errorMessage]);
}
