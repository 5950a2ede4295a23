import { Menu } from 'antd';
import type { MenuEntryDto } from '@rg/domain/access/user.schema';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { menuIcon } from './menu-icons.tsx';

/** The entry whose path is the longest prefix of the current location ("/" only matches itself). */
function selectedKey(entries: MenuEntryDto[], pathname: string): string | undefined {
  const matches = entries.filter((entry) =>
    entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(entry.path + '/'),
  );
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.key;
}

export function SideMenu({ entries }: { entries: MenuEntryDto[] }) {
  const { tKey } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  const key = selectedKey(sorted, pathname);

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={key ? [key] : []}
      items={sorted.map((entry) => ({
        key: entry.key,
        icon: menuIcon(entry.icon),
        label: tKey(entry.labelKey, entry.key),
        onClick: () => void navigate(entry.path),
      }))}
    />
  );
}
