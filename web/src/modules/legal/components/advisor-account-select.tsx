import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { usersApi } from '../../access/api.ts';

/** 关联账号: accounts with the role 村法律顾问 in the scope, searched by name; clearing unlinks. */
export function AdvisorAccountSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (userId: string | null) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const users = useQuery({
    queryKey: ['legal', 'advisor-accounts', q],
    queryFn: () => usersApi.list({ q: q || undefined, role: 'legal_advisor', status: 'active', page: 1, pageSize: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: t('legal.advisor.accountOption', { name: u.displayName, username: u.username, region: u.regionName }),
  }));
  return (
    <Select<string>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t('legal.advisor.accountPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      loading={users.isFetching}
      notFoundContent={users.isFetching ? <Spin size="small" /> : t('legal.advisor.accountEmpty')}
      onBlur={() => setText('')}
    />
  );
}
