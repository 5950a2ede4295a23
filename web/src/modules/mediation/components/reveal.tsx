import { Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';

/**
 * 查看 for a masked value or text: asks the server for the whole of it (the server audits the reveal) and
 * keeps the answer; `button` is null once revealed. Shared by MaskedValue and MaskedText.
 */
export function useReveal(reveal: () => Promise<RevealedDto>, label: string, style?: CSSProperties) {
  const { t } = useI18n();
  const showError = useErrorToast();
  const [revealed, setRevealed] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: reveal, onSuccess: (r) => setRevealed(r.value), onError: showError });
  const button =
    revealed === null ? (
      <Button
        type="link"
        size="small"
        style={style}
        loading={mutation.isPending}
        onClick={() => mutation.mutate()}
        aria-label={`${t('mediation.reveal')}${label}`}
      >
        {t('mediation.reveal')}
      </Button>
    ) : null;
  return { revealed, button };
}
