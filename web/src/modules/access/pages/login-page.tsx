import { Card, Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../app/i18n/language-switch.tsx';
import { LoginPanel } from '../components/login-panel.tsx';

interface FromState {
  from?: string;
}

export function targetAfterLogin(state: unknown, fallback: string): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.includes('login') ? from : fallback;
}

export function LoginPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = targetAfterLogin(location.state, '/');

  if (session) return <Navigate to={target} replace />;
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f6ffed 100%)', padding: 16 }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <img src="/logo.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.loginSubtitle')}</Typography.Text>
        </Flex>
        <LoginPanel size="middle" onSignedIn={() => void navigate(target, { replace: true })} />
      </Card>
    </Flex>
  );
}
