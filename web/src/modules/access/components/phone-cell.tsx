import { Button, Space, Typography } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { usersApi } from '../api.ts';

/** Masked phone; 查看 reveals it (audited by the server) when the row allows. */
export function PhoneCell({ user }: { user: UserDto }) {
  const { t } = useI18n();
  const showError = useErrorToast();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => usersApi.revealPhone(user.id),
    onSuccess: (result) => setRevealed(result.phone ?? ''),
    onError: showError,
  });

  if (!user.phone) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text>{revealed ?? user.phone}</Typography.Text>
      {user.abilities.revealPhone && revealed === null && (
        <Button type="link" size="small" loading={reveal.isPending} onClick={() => reveal.mutate()} style={{ padding: 0 }}>
          {t('users.revealPhone')}
        </Button>
      )}
    </Space>
  );
}
