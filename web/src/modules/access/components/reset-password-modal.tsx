import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@rg/domain/access/user.schema';
import { useServerErrors } from '../../../app/forms/use-server-errors.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { accessKeys, usersApi } from '../api.ts';

interface Values {
  newPassword: string;
}

const FIELDS = ['newPassword'] as const;

export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const serverErrors = useServerErrors(form, FIELDS);
  const mutation = useMutation({
    mutationFn: (values: Values) => usersApi.resetPassword(user?.id ?? '', values.newPassword),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll });
      onClose();
    },
    onError: serverErrors.apply,
  });

  const submit = async () => {
    serverErrors.clear();
    const values = await form.validateFields().catch(() => null);
    if (values) mutation.mutate(values);
  };

  return (
    <Modal
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      {serverErrors.message && <Alert type="error" showIcon title={serverErrors.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          extra={t('password.rule')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
