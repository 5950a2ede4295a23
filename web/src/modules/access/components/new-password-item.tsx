import { Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** A required new-password input with the password rule under it. */
export function NewPasswordItem({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} extra={t('password.rule')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
