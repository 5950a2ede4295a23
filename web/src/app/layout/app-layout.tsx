import { Layout, Typography } from 'antd';
import { Outlet } from 'react-router';
import { useSession } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AppHeader } from './app-header.tsx';
import { SideMenu } from './side-menu.tsx';

const SIDER_WIDTH = 224;

export function AppLayout() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={SIDER_WIDTH} breakpoint="lg" collapsedWidth={64}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 8, padding: '0 16px' }}>
          <img src="/logo.svg" alt="" width={24} height={24} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 15, lineHeight: 1.25 }}>
            {t('app.title')}
          </Typography.Text>
        </div>
        <SideMenu entries={session.menu} />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
