import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { sessionApi } from '../../../app/auth/session-api.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../app/i18n/language-switch.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { NewPasswordItem } from '../components/new-password-item.tsx';
import { targetAfterLogin } from './login-page.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** 修改密码: forced after the first login or a reset, reachable any time otherwise. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const { setSession, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { form, submit, pending, errorMessage } = useFormSubmit({
    fields: FIELDS,
    mutationFn: (values: Values) => sessionApi.changePassword(values.currentPassword, values.newPassword),
    successMessage: t('password.changed'),
    onSuccess: (next) => {
      setSession(next);
      void navigate(targetAfterLogin(location.state, '/'), { replace: true });
    },
  });

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f7fa', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card title={t('password.title')} style={{ width: 440, maxWidth: '100%' }}>
        {session.mustChangePassword && <Alert type="info" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />}
        <ErrorAlert message={errorMessage} testId="form-error" />
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
          <Typography.Paragraph type="secondary">
            {session.user.displayName}
            {t('common.parenthesised', { text: session.user.username })}
          </Typography.Paragraph>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordItem name="newPassword" label={t('password.new')} />
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={pending} style={{ flex: 1 }}>
              {t('password.submit')}
            </Button>
            <Button onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>{t('header.logout')}</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
