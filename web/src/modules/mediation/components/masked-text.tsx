import { Button, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';

/** A masked ID number (6104**********0038, 6104*******1003) or mobile (139****5678) inside a text. */
const MASKED_NUMBER = /\d{3,4}\*{4,}[\dXx]{4}/;

/**
 * A text whose typed-in ID numbers and mobiles the server shows masked (SECURITY.md 30); 查看 asks for the
 * whole text (audited) when the viewer may reveal and the text holds a masked number.
 */
export function MaskedText({
  text,
  canReveal,
  reveal,
  label,
}: {
  text: string;
  canReveal: boolean;
  reveal: () => Promise<RevealedDto>;
  label: string;
}) {
  const { t } = useI18n();
  const showError = useErrorToast();
  const [revealed, setRevealed] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: reveal, onSuccess: (r) => setRevealed(r.value), onError: showError });
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
      {revealed ?? text}
      {canReveal && revealed === null && MASKED_NUMBER.test(text) && (
        <Button
          type="link"
          size="small"
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
          aria-label={`${t('mediation.reveal')}${label}`}
        >
          {t('mediation.reveal')}
        </Button>
      )}
    </Typography.Paragraph>
  );
}
