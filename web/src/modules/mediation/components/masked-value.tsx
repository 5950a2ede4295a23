import { Button, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';

/** A masked phone or ID number; 查看 asks the server for the whole value (audited) when allowed. */
export function MaskedValue({
  masked,
  canReveal,
  reveal,
  label,
}: {
  masked: string | null;
  canReveal: boolean;
  reveal: () => Promise<RevealedDto>;
  label: string;
}) {
  const { t } = useI18n();
  const showError = useErrorToast();
  const [revealed, setRevealed] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: reveal, onSuccess: (r) => setRevealed(r.value), onError: showError });
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{revealed ?? masked}</Typography.Text>
      {canReveal && revealed === null && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
          aria-label={`${t('mediation.reveal')}${label}`}
        >
          {t('mediation.reveal')}
        </Button>
      )}
    </Space>
  );
}
