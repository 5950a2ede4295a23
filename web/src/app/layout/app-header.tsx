import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useSession } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { headerItems } from './header-items.ts';

export function AppHeader() {
  const { t } = useI18n();
  const session = useSession();
  const { logout } = useAuth();
  const navigate = useNavigate();

  const signOut = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 20px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #f0f0f0',
        height: 56,
        lineHeight: '56px',
      }}
    >
      <Space size={16}>
        {headerItems().map((Item, index) => (
          <Item key={index} />
        ))}
      </Space>
      <Space size={16}>
        <Space size={8} data-testid="current-user">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          <Typography.Text strong>{session.user.displayName}</Typography.Text>
          <span>
            {session.user.roles.map((role) => (
              <Tag key={role} color="blue" style={{ marginInlineEnd: 4 }}>
                {t(`role.${role}`)}
              </Tag>
            ))}
          </span>
        </Space>
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
