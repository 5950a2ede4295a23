import { Select, Space, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionDto, RegionSearchHit } from '@rg/domain/regions/region.schema';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import { useMemo, useState, type CSSProperties } from 'react';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';
import { RegionBrowser } from './region-browser.tsx';

export interface RegionPickerProps {
  /** Set by Form.Item so that its label points at the search input. */
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined, region?: RegionDto) => void;
  /** Label of a preset value (e.g. the user's region name) until the user searches. */
  initialLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  /** Adds a button that browses the hierarchy level by level (lazy cascader). */
  browse?: boolean;
  /** Where browsing starts; defaults to the signed-in user's region. */
  browseRoot?: string;
  /** Deepest level that browsing offers. */
  maxLevel?: RegionLevel;
  /** Stable hook for tests: the select gets `data-testid`, the search input `aria-label`. */
  testId?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  disabled?: boolean;
}

interface Option {
  value: string;
  label: string;
  region?: RegionDto;
}

const DEBOUNCE_MS = 250;

/**
 * 区划选择: searches the regions the actor may see by name as they type (the server limits the
 * results to the actor's subtree) and shows each hit with its path, e.g. 王桥镇屈家村.
 */
export function RegionPicker(props: RegionPickerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);

  const search = useQuery({
    queryKey: regionKeys.search(q),
    queryFn: ({ signal }) => regionsApi.search(q, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

  const options = useMemo<Option[]>(() => {
    const hits: Option[] = (search.data?.items ?? []).map((hit: RegionSearchHit) => ({
      value: hit.code,
      label: hit.path || hit.name,
      region: hit,
    }));
    const value = props.value ?? undefined;
    if (value && !hits.some((hit) => hit.value === value)) {
      const label = chosen?.value === value ? chosen.label : (props.initialLabel ?? value);
      hits.unshift({ value, label });
    }
    return hits;
  }, [search.data, props.value, props.initialLabel, chosen]);

  const choose = (option: Option | undefined) => {
    setChosen(option ?? null);
    setText('');
    props.onChange?.(option?.value, option?.region);
  };

  const searching = q.length > 0 && search.isFetching;
  const select = (
    <Select<string, Option>
      id={props.id}
      data-testid={props.testId}
      aria-label={props.ariaLabel}
      style={props.browse ? { flex: 1, minWidth: 0 } : { width: '100%', ...props.style }}
      disabled={props.disabled}
      value={props.value ?? undefined}
      placeholder={props.placeholder ?? t('regions.searchPlaceholder')}
      allowClear={props.allowClear}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      loading={searching}
      notFoundContent={searching ? <Spin size="small" /> : q ? t('regions.noMatch') : null}
      onChange={(_value, option) => choose(Array.isArray(option) ? option[0] : option)}
      onClear={() => choose(undefined)}
    />
  );

  if (!props.browse) return select;
  return (
    <Space.Compact style={{ display: 'flex', width: '100%', ...props.style }}>
      {select}
      <RegionBrowser
        root={props.browseRoot}
        maxLevel={props.maxLevel ?? 'village'}
        disabled={props.disabled}
        onPick={(region, label) => choose({ value: region.code, label, region })}
      />
    </Space.Compact>
  );
}
