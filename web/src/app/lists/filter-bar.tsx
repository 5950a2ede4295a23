import { Button, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The row of filters above a list, ending with 重置 (`onReset`). */
export function FilterBar({ children, onReset }: { children: ReactNode; onReset: () => void }) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {children}
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Space>
  );
}

/** Keyword box of a filter bar: searches on Enter or the button; an empty keyword means none. */
export function KeywordSearch({
  value,
  label,
  width,
  onSearch,
}: {
  value: string | undefined;
  label: string;
  width: number;
  onSearch: (q: string | undefined) => void;
}) {
  return (
    <Input.Search
      key={value ?? ''}
      allowClear
      defaultValue={value}
      placeholder={label}
      aria-label={label}
      style={{ width }}
      onSearch={(q) => onSearch(q.trim() || undefined)}
    />
  );
}
