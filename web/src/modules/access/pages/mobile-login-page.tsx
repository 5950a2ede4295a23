import { Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../app/i18n/language-switch.tsx';
import { LoginPanel } from '../components/login-panel.tsx';
import { targetAfterLogin } from './login-page.tsx';

/** /m/login: the villagers' portal sign-in, one column, large touch targets. */
export function MobileLoginPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = targetAfterLogin(location.state, '/m');

  if (session) return <Navigate to={target} replace />;
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Flex
        vertical
        align="center"
        style={{ background: 'linear-gradient(160deg, #1677ff 0%, #36cfc9 100%)', color: '#fff', padding: '40px 20px 32px' }}
      >
        <img src="/logo.svg" alt="" width={56} height={56} style={{ borderRadius: 12, background: '#fff' }} />
        <Typography.Title level={3} style={{ color: '#fff', margin: '16px 0 4px', textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>{t('mobile.loginTitle')}</Typography.Text>
      </Flex>
      <div style={{ padding: 20, fontSize: 16 }}>
        <LoginPanel size="large" onSignedIn={() => void navigate(target, { replace: true })} />
        <Flex justify="center" style={{ marginTop: 24 }}>
          <LanguageSwitch size="middle" />
        </Flex>
      </div>
    </Flex>
  );
}
