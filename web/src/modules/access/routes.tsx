import { AuditOutlined, UserOutlined } from '@ant-design/icons';
import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { accessMessages } from './i18n.zh-CN.ts';
import { accessMessagesEnUS } from './i18n.en-US.ts';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { AuditPage } from './pages/audit-page.tsx';
import { ChangePasswordPage } from './pages/change-password-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MobileLoginPage } from './pages/mobile-login-page.tsx';
import { UsersPage } from './pages/users-page.tsx';

export const accessRoutes: ModuleRoutes = {
  menuIcons: { user: <UserOutlined />, audit: <AuditOutlined /> },
  messages: [dictionaries(accessMessages, accessMessagesEnUS)],
  console: [
    { path: '/users', Page: UsersPage },
    { path: '/audit', Page: AuditPage },
  ],
  standalone: [{ path: '/change-password', Page: ChangePasswordPage }],
  public: [
    { path: '/login', Page: LoginPage },
    { path: '/m/login', Page: MobileLoginPage },
  ],
};
