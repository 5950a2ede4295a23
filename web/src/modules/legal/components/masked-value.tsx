import { App, Button, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalApi, type RevealField } from '../api.ts';

/** Masked phone or ID number; 查看 asks the server for the whole value (audited) when allowed. */
export function MaskedValue({
  advisorId,
  field,
  masked,
  canReveal,
}: {
  advisorId: string;
  field: RevealField;
  masked: string;
  canReveal: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { errorMessage } = useErrorMessages();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => legalApi.reveal(advisorId, field),
    onSuccess: (result) => setRevealed(result.value ?? ''),
    onError: (error) => void message.error(t('legal.advisor.revealFailed', { message: errorMessage(error) })),
  });

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap={false}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{revealed ?? masked}</Typography.Text>
      {canReveal && revealed === null && (
        <Button
          type="link"
          size="small"
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          style={{ padding: 0 }}
          aria-label={`${t('legal.advisor.reveal')}${t(field === 'phone' ? 'legal.advisor.phone' : 'legal.advisor.idNumber')}`}
        >
          {t('legal.advisor.reveal')}
        </Button>
      )}
    </Space>
  );
}
