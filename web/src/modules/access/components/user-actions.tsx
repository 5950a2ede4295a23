import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@rg/domain/access/user.schema';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { accessKeys, usersApi } from '../api.ts';

/** Row actions, shown only where the row's `abilities` allow (the server decides). */
export function UserActions({
  user,
  onEdit,
  onResetPassword,
}: {
  user: UserDto;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const queryClient = useQueryClient();
  const enabling = user.status === 'disabled';
  const status = useMutation({
    mutationFn: () => usersApi.setStatus(user.id, user.version, enabling ? 'active' : 'disabled'),
    onSuccess: () => {
      void message.success(t('users.statusChanged'));
      void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll });
    },
    onError: showError,
  });

  return (
    <Space size={0} wrap>
      {user.abilities.update && (
        <Button type="link" size="small" onClick={() => onEdit(user)}>
          {t('common.edit')}
        </Button>
      )}
      {user.abilities.disable && (
        <Popconfirm
          title={t(enabling ? 'users.enableConfirm' : 'users.disableConfirm', { name: user.displayName })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => status.mutate()}
        >
          <Button type="link" size="small" danger={!enabling} loading={status.isPending}>
            {t(enabling ? 'users.enable' : 'users.disable')}
          </Button>
        </Popconfirm>
      )}
      {user.abilities.resetPassword && (
        <Button type="link" size="small" onClick={() => onResetPassword(user)}>
          {t('users.resetPassword')}
        </Button>
      )}
    </Space>
  );
}
