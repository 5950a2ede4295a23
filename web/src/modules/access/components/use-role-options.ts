import { useQuery } from '@tanstack/react-query';
import { ROLES, type Role } from '@rg/domain/access/roles';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { accessKeys, usersApi } from '../api.ts';

export interface RoleOption {
  value: Role;
  label: string;
  disabled?: boolean;
}

/** All roles, for filters. */
export function useAllRoleOptions(): RoleOption[] {
  const { t } = useI18n();
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

/**
 * Roles the actor may grant (GET /api/meta/roles, grantable only). Roles the edited user already
 * holds but the actor may not grant stay visible, disabled, so an edit does not silently drop them.
 */
export function useGrantableRoleOptions(held: Role[] = []): { options: RoleOption[]; loading: boolean } {
  const { t } = useI18n();
  const query = useQuery({ queryKey: accessKeys.roles, queryFn: usersApi.roles, staleTime: 5 * 60_000 });
  const grantable = new Set((query.data?.items ?? []).filter((item) => item.grantable).map((item) => item.role));
  const options = ROLES.filter((role) => grantable.has(role) || held.includes(role)).map((role) => ({
    value: role,
    label: t(`role.${role}`),
    disabled: !grantable.has(role),
  }));
  return { options, loading: query.isPending };
}
