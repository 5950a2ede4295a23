import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useErrorMessages } from '../api/use-error-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export interface ServerErrors {
  /** Message to show above the form: the error's own, or field errors no input can show. */
  message: string | null;
  apply: (error: unknown) => void;
  clear: () => void;
}

const NO_ALIASES: Readonly<Record<string, string>> = {};

/**
 * Puts the server's field errors, in the chosen language, on the matching form inputs (`aliases` names
 * the input of a server field called otherwise; messages meeting on one input are joined); whatever
 * cannot be placed on an input is shown as the form's top message.
 */
export function useServerErrors<Values>(
  form: FormInstance<Values>,
  fieldNames: readonly string[],
  aliases: Readonly<Record<string, string>> = NO_ALIASES,
): ServerErrors {
  const { t } = useI18n();
  const { errorMessage, fieldErrors } = useErrorMessages();
  const [message, setMessage] = useState<string | null>(null);

  const apply = useCallback(
    (error: unknown) => {
      const placed = new Map<string, string[]>();
      const unplaced: string[] = [];
      for (const [name, text] of Object.entries(fieldErrors(error))) {
        const input = aliases[name] ?? name;
        if (fieldNames.includes(input)) placed.set(input, [...(placed.get(input) ?? []), text]);
        else unplaced.push(text);
      }
      const separator = t('common.semicolon');
      form.setFields([...placed].map(([name, texts]) => ({ name: name as never, errors: [texts.join(separator)] })));
      if (placed.size > 0 && unplaced.length === 0) setMessage(null);
      else if (unplaced.length > 0) setMessage(unplaced.join(separator));
      else setMessage(errorMessage(error));
    },
    [form, fieldNames, aliases, t, errorMessage, fieldErrors],
  );

  return { message, apply, clear: useCallback(() => setMessage(null), []) };
}
