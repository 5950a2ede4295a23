import { DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { FilterBar, KeywordSearch } from '../../../app/lists/filter-bar.tsx';
import { AUDIT_RESULTS, type AuditResult } from '@rg/domain/access/audit.schema';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.totp',
  'auth.password_change',
  'user.create',
  'user.update',
  'user.status',
  'user.password_reset',
  'user.reveal_phone',
  'region.update',
  'region.group_create',
  'session.scope',
  'access.denied',
  'export.users',
  'file.download',
] as const;

export interface AuditFilterValues {
  q?: string;
  action?: string;
  result?: AuditResult;
  range?: [Dayjs, Dayjs];
}

export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const { t, tKey } = useI18n();
  return (
    <FilterBar onReset={() => onChange({})}>
      <KeywordSearch value={value.q} label={t('audit.keyword')} width={240} onSearch={(q) => onChange({ ...value, q })} />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        aria-label={t('audit.action')}
        data-testid="audit-action-filter"
        style={{ width: 180 }}
        value={value.action}
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: tKey(`audit.action.${action}`, action) }))}
        onChange={(action) => onChange({ ...value, action })}
      />
      <Select<AuditResult>
        allowClear
        placeholder={t('audit.result')}
        aria-label={t('audit.result')}
        style={{ width: 120 }}
        value={value.result}
        options={AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.result.${result}`) }))}
        onChange={(result) => onChange({ ...value, result })}
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        aria-label={t('audit.range')}
        value={value.range ?? null}
        onChange={(range) => onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })}
      />
    </FilterBar>
  );
}
