import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

interface Values {
  username: string;
  password: string;
}

export function PasswordStepForm({
  size,
  pending,
  onSubmit,
}: {
  size: 'middle' | 'large';
  pending: boolean;
  onSubmit: (username: string, password: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Form<Values> layout="vertical" size={size} requiredMark={false} onFinish={(values) => onSubmit(values.username, values.password)}>
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} style={size === 'large' ? { height: 48 } : undefined}>
        {t('auth.login')}
      </Button>
    </Form>
  );
}
