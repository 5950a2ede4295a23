import { AppstoreOutlined, EnvironmentOutlined, LogoutOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { mobileServices } from '../../index.ts';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** /m: the villagers' portal home. Modules add their services here as they arrive. */
export function MobileHomePage() {
  const { t } = useI18n();
  const session = useSession();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const services = mobileServices.filter((s) => session.permissions.includes(s.permission));

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
          <EnvironmentOutlined /> {t('mobile.village')}
          {t('common.colon')}
          {session.user.regionName}
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
          {services.length === 0 ? (
            <Empty description={<span style={{ fontSize: 16 }}>{t('mobile.servicesHint')}</span>} />
          ) : (
            <Flex vertical gap={12}>
              {services.map((service) => (
                <Link key={service.key} to={service.path} data-testid={`mobile-service-${service.key}`}>
                  <Flex align="center" gap={14} style={{ padding: '14px 12px', borderRadius: 10, background: '#f0f5ff', color: 'inherit' }}>
                    <span style={{ fontSize: 28, color: '#1677ff' }}>{service.icon}</span>
                    <Flex vertical style={{ flex: 1 }}>
                      <Typography.Text strong style={{ fontSize: 18 }}>
                        {t(service.labelKey)}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 15 }}>
                        {t(service.descriptionKey)}
                      </Typography.Text>
                    </Flex>
                    <RightOutlined style={{ color: '#8c8c8c' }} />
                  </Flex>
                </Link>
              ))}
            </Flex>
          )}
        </Card>
      </div>
    </Flex>
  );
}
