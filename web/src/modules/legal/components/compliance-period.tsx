import { DatePicker, Segmented, Space } from 'antd';
import type { NormPeriod } from '@rg/domain/legal/service.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

export interface PeriodValue {
  kind: NormPeriod;
  /** Any day inside the period. */
  day: Dayjs;
}

/** The period as the server names it: 2026-11, 2026-Q4 or 2026. */
export function periodParam({ kind, day }: PeriodValue): string {
  if (kind === 'year') return day.format('YYYY');
  if (kind === 'quarter') return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
  return day.format('YYYY-MM');
}

export function currentPeriod(): PeriodValue {
  return { kind: 'month', day: dayjs() };
}

/** 考核周期: month, quarter or year, then which one (never a future one: nothing is due yet). */
export function CompliancePeriod({ value, onChange }: { value: PeriodValue; onChange: (next: PeriodValue) => void }) {
  const { t } = useI18n();
  return (
    <Space size={8}>
      <Segmented<NormPeriod>
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        options={[
          { value: 'month', label: t('legal.compliance.periodKind.month') },
          { value: 'quarter', label: t('legal.compliance.periodKind.quarter') },
          { value: 'year', label: t('legal.compliance.periodKind.year') },
        ]}
        data-testid="compliance-period-kind"
      />
      <DatePicker
        picker={value.kind}
        allowClear={false}
        value={value.day}
        onChange={(day) => {
          if (day) onChange({ ...value, day });
        }}
        // A quarter cell stands for its first day: comparing by month keeps the current quarter pickable.
        disabledDate={(day) => day.isAfter(dayjs(), value.kind === 'quarter' ? 'month' : value.kind)}
        aria-label={t('legal.compliance.period')}
        style={{ width: 140 }}
      />
    </Space>
  );
}
