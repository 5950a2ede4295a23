import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../api/api-error.ts';

export interface ServerErrors {
  /** Message to show above the form: the error's own, or field errors no input can show. */
  message: string | null;
  apply: (error: unknown) => void;
  clear: () => void;
}

/**
 * Puts the server's `error.fields` (field name → Chinese message) on the matching form inputs;
 * whatever cannot be placed on an input is shown as the form's top message.
 */
export function useServerErrors<Values>(form: FormInstance<Values>, fieldNames: readonly string[]): ServerErrors {
  const [message, setMessage] = useState<string | null>(null);

  const apply = useCallback(
    (error: unknown) => {
      const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
      const placed = Object.entries(fields).filter(([name]) => fieldNames.includes(name));
      const unplaced = Object.entries(fields).filter(([name]) => !fieldNames.includes(name));
      form.setFields(placed.map(([name, text]) => ({ name: name as never, errors: [text] })));
      if (placed.length > 0 && unplaced.length === 0) setMessage(null);
      else if (unplaced.length > 0) setMessage(unplaced.map(([, text]) => text).join('；'));
      else setMessage(errorMessage(error));
    },
    [form, fieldNames],
  );

  return { message, apply, clear: useCallback(() => setMessage(null), []) };
}
