import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

export function WelcomeCard() {
  const { t } = useI18n();
  const session = useSession();
  const roles = session.user.roles.map((role) => t(`role.${role}`)).join(t('common.listSeparator'));
  return (
    <Card style={{ background: 'linear-gradient(120deg, #e6f4ff 0%, #f6ffed 100%)' }} data-testid="welcome-card">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: session.user.displayName })}
      </Typography.Title>
      <Space orientation="vertical" size={4}>
        <Typography.Text>
          <EnvironmentOutlined /> {t('home.scope', { name: session.scope.name })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('home.roles', { roles })}</Typography.Text>
      </Space>
    </Card>
  );
}
