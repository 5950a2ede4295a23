import { Tag } from 'antd';
import type { Role } from '@rg/domain/access/roles';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

const COLORS: Partial<Record<Role, string>> = {
  admin: 'red',
  security_admin: 'volcano',
  auditor: 'purple',
  leader: 'gold',
  official: 'blue',
  village_cadre: 'green',
};

export function RoleTags({ roles }: { roles: Role[] }) {
  const { t } = useI18n();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role] ?? 'default'} style={{ marginBottom: 2 }}>
          {t(`role.${role}`)}
        </Tag>
      ))}
    </>
  );
}
