import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalApi, legalKeys } from '../api.ts';
import { categoryLabel } from './advisor-labels.ts';

const DEBOUNCE_MS = 250;
const OPTIONS = 50;

export interface AdvisorSelectProps {
  /** Set by Form.Item so that its label points at the search input. */
  id?: string;
  value?: string;
  onChange?: (advisorId: string | undefined) => void;
  /** Left out of the options, e.g. the advisor being handed over from. */
  excludeId?: string;
  testId?: string;
}

/** 法律顾问 on duty (在岗) in the current scope, searched by name on the server. */
export function AdvisorSelect({ id, value, onChange, excludeId, testId }: AdvisorSelectProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const advisors = useQuery({
    queryKey: legalKeys.advisorOptions(q),
    queryFn: () => legalApi.advisors({ q: q || undefined, status: 'active', page: 1, pageSize: OPTIONS }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (advisors.data?.items ?? [])
    .filter((advisor) => advisor.id !== excludeId && advisor.abilities.assign)
    .map((advisor) => ({
      value: advisor.id,
      label: `${advisor.name}${t('common.parenthesised', { text: categoryLabel(t, advisor.category) })}`,
    }));

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={t('legal.assignment.advisorPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      loading={advisors.isFetching}
      notFoundContent={advisors.isFetching ? <Spin size="small" /> : t('legal.advisor.empty')}
      onBlur={() => setText('')}
    />
  );
}
