import { DatePicker, Select } from 'antd';
import type { ServiceStatus, ServiceType, ServiceWindow } from '@rg/domain/legal/service.schema';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { FilterBar } from '../../../app/lists/filter-bar.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { statusOptions, typeOptions, windowOptions } from './ledger-labels.tsx';

export interface LedgerFilterValues {
  regionCode?: string;
  /** Shown by 下载台账/档案 for the .zip; not sent to the server. */
  regionName?: string;
  window?: ServiceWindow;
  serviceType?: ServiceType;
  status?: ServiceStatus;
  /** YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

const DATE = 'YYYY-MM-DD';

/** 服务台账's filters: where, which window and type, review status and the service date range. */
export function LedgerFilters({ value, onChange }: { value: LedgerFilterValues; onChange: (next: LedgerFilterValues) => void }) {
  const { t } = useI18n();
  return (
    <FilterBar onReset={() => onChange({})}>
      <RegionPicker
        allowClear
        placeholder={t('legal.ledger.regionFilter')}
        ariaLabel={t('legal.ledger.regionFilter')}
        testId="ledger-region-filter"
        style={{ width: 220 }}
        value={value.regionCode}
        onChange={(regionCode, region) => onChange({ ...value, regionCode, regionName: region?.name })}
      />
      <Select<ServiceWindow>
        allowClear
        placeholder={t('legal.ledger.windowFilter')}
        aria-label={t('legal.ledger.windowFilter')}
        style={{ width: 110 }}
        value={value.window}
        options={windowOptions(t)}
        onChange={(window) => onChange({ ...value, window })}
      />
      <Select<ServiceType>
        allowClear
        placeholder={t('legal.ledger.typeFilter')}
        aria-label={t('legal.ledger.typeFilter')}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        value={value.serviceType}
        options={typeOptions(t)}
        onChange={(serviceType) => onChange({ ...value, serviceType })}
      />
      <Select<ServiceStatus>
        allowClear
        placeholder={t('legal.ledger.statusFilter')}
        aria-label={t('legal.ledger.statusFilter')}
        style={{ width: 100 }}
        value={value.status}
        options={statusOptions(t)}
        onChange={(status) => onChange({ ...value, status })}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('legal.ledger.dateFrom'), t('legal.ledger.dateTo')]}
        style={{ width: 240 }}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => onChange({ ...value, from: range?.[0]?.format(DATE), to: range?.[1]?.format(DATE) })}
      />
    </FilterBar>
  );
}
