import { Form, Typography } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { accessKeys, usersApi } from '../api.ts';
import { NewPasswordItem } from './new-password-item.tsx';

interface Values {
  newPassword: string;
}

const FIELDS = ['newPassword'] as const;

export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: FIELDS,
    mutationFn: (values: Values) => usersApi.resetPassword(user?.id ?? '', values.newPassword),
    successMessage: t('users.passwordReset'),
    invalidate: accessKeys.usersAll,
    onSuccess: onClose,
  });

  return (
    <FormModal
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      open={user !== null}
      onClose={onClose}
      save={save}
      okText={t('common.confirm')}
      intro={<Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>}
    >
      <Form<Values> form={save.form} layout="vertical" preserve={false}>
        <NewPasswordItem name="newPassword" label={t('users.newPassword')} />
      </Form>
    </FormModal>
  );
}
