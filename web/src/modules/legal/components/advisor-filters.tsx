import { Select } from 'antd';
import type { AdvisorCategory, AdvisorStatus } from '@rg/domain/legal/advisor.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { FilterBar, KeywordSearch } from '../../../app/lists/filter-bar.tsx';
import { categoryOptions, statusOptions } from './advisor-labels.ts';

export interface AdvisorFilterValues {
  q?: string;
  status?: AdvisorStatus;
  category?: AdvisorCategory;
}

export function AdvisorFilters({ value, onChange }: { value: AdvisorFilterValues; onChange: (next: AdvisorFilterValues) => void }) {
  const { t } = useI18n();
  return (
    <FilterBar onReset={() => onChange({})}>
      <KeywordSearch value={value.q} label={t('legal.advisor.keyword')} width={220} onSearch={(q) => onChange({ ...value, q })} />
      <Select<AdvisorCategory>
        allowClear
        placeholder={t('legal.advisor.categoryPlaceholder')}
        aria-label={t('legal.advisor.category')}
        style={{ width: 200 }}
        options={categoryOptions(t)}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
      />
      <Select<AdvisorStatus>
        allowClear
        placeholder={t('legal.advisor.statusPlaceholder')}
        aria-label={t('legal.advisor.status')}
        style={{ width: 120 }}
        options={statusOptions(t)}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
    </FilterBar>
  );
}
