import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Cascader, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import { useEffect, useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';

interface BrowseOption {
  value: string;
  label: string;
  isLeaf: boolean;
  region: RegionDto;
  children?: BrowseOption[];
}

const CHILDREN_PAGE = 100;

function toOption(region: RegionDto, maxLevel: RegionLevel): BrowseOption {
  const deepest = REGION_LEVELS.indexOf(region.level) >= REGION_LEVELS.indexOf(maxLevel);
  return { value: region.code, label: region.name, isLeaf: deepest || !region.hasChildren, region };
}

interface RegionBrowserProps {
  root?: string;
  maxLevel: RegionLevel;
  disabled?: boolean;
  onPick: (region: RegionDto, pathLabel: string) => void;
}

/** Lazy cascader: each level's children are fetched when the user opens it. */
export function RegionBrowser({ root, maxLevel, disabled, onPick }: RegionBrowserProps) {
  const { t } = useI18n();
  const session = useSession();
  const rootCode = root ?? session.user.regionCode;
  const rootQuery = useQuery({ queryKey: regionKeys.detail(rootCode), queryFn: () => regionsApi.detail(rootCode) });
  const [options, setOptions] = useState<BrowseOption[]>([]);

  useEffect(() => {
    if (rootQuery.data) setOptions([toOption(rootQuery.data, maxLevel)]);
  }, [rootQuery.data, maxLevel]);

  const loadData = async (path: BrowseOption[]) => {
    const target = path[path.length - 1];
    if (!target) return;
    const page = await regionsApi.children(target.value, 1, CHILDREN_PAGE);
    target.children = page.items.map((region) => toOption(region, maxLevel));
    setOptions((current) => [...current]);
  };

  return (
    <Cascader<BrowseOption>
      options={options}
      loadData={loadData}
      changeOnSelect
      disabled={disabled || !rootQuery.data}
      onChange={(_codes, path) => {
        const last = path?.[path.length - 1];
        if (last) onPick(last.region, path.map((option) => option.label).join(''));
      }}
    >
      <Tooltip title={t('regions.browse')}>
        <Button aria-label={t('regions.browse')} icon={<ApartmentOutlined />} disabled={disabled} />
      </Tooltip>
    </Cascader>
  );
}
