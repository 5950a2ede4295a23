import { Select } from 'antd';
import type { Role } from '@rg/domain/access/roles';
import type { UserStatus } from '@rg/domain/access/user.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { FilterBar, KeywordSearch } from '../../../app/lists/filter-bar.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useAllRoleOptions } from './use-role-options.ts';

export interface UserFilterValues {
  q?: string;
  role?: Role;
  status?: UserStatus;
  regionCode?: string;
}

export function UserFilters({ value, onChange }: { value: UserFilterValues; onChange: (next: UserFilterValues) => void }) {
  const { t } = useI18n();
  const roleOptions = useAllRoleOptions();
  const statusOptions: { value: UserStatus; label: string }[] = [
    { value: 'active', label: t('users.status.active') },
    { value: 'disabled', label: t('users.status.disabled') },
  ];

  return (
    <FilterBar onReset={() => onChange({})}>
      <KeywordSearch value={value.q} label={t('users.keyword')} width={220} onSearch={(q) => onChange({ ...value, q })} />
      <Select<Role>
        allowClear
        placeholder={t('users.rolePlaceholder')}
        aria-label={t('users.roles')}
        style={{ width: 160 }}
        options={roleOptions}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
      />
      <Select<UserStatus>
        allowClear
        placeholder={t('users.statusPlaceholder')}
        aria-label={t('users.status')}
        style={{ width: 120 }}
        options={statusOptions}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <RegionPicker
        allowClear
        placeholder={t('users.regionPlaceholder')}
        ariaLabel={t('users.region')}
        testId="users-region-filter"
        style={{ width: 240 }}
        value={value.regionCode}
        onChange={(regionCode) => onChange({ ...value, regionCode })}
      />
    </FilterBar>
  );
}
