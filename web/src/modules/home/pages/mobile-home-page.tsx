import { AppstoreOutlined, EnvironmentOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** /m: the villagers' portal home. Modules add their services here as they arrive. */
export function MobileHomePage() {
  const { t } = useI18n();
  const session = useSession();
  const { logout } = useAuth();
  const navigate = useNavigate();

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }} data-testid="mobile-home">
      <div style={{ background: 'linear-gradient(160deg, #1677ff 0%, #36cfc9 100%)', padding: '28px 20px 24px', color: '#fff' }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
            {t('mobile.greeting', { name: session.user.displayName })}
          </Typography.Title>
          <Button
            ghost
            size="large"
            icon={<LogoutOutlined />}
            onClick={() => void logout().then(() => navigate('/m/login', { replace: true }))}
          >
            {t('mobile.logout')}
          </Button>
        </Flex>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.9)', fontSize: 16, display: 'block', marginTop: 12 }}>
          <EnvironmentOutlined /> {t('mobile.village')}：{session.user.regionName}
        </Typography.Text>
      </div>
      <div style={{ padding: 16 }}>
        <Card
          title={
            <span style={{ fontSize: 18 }}>
              <AppstoreOutlined /> {t('mobile.services')}
            </span>
          }
        >
          <Empty description={<span style={{ fontSize: 16 }}>{t('mobile.servicesHint')}</span>} />
        </Card>
      </div>
    </Flex>
  );
}
