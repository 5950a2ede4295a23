import { Empty, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalReportKeys, legalReportsApi } from '../api.reports.ts';
import { RoomForm } from './room-form.tsx';

/** 服务室 tab: pick a village, set up its public legal service room and print its 公示牌. */
export function RoomTab() {
  const { t } = useI18n();
  const [villageCode, setVillageCode] = useState<string | undefined>();
  const room = useQuery({
    queryKey: legalReportKeys.room(villageCode ?? ''),
    queryFn: () => legalReportsApi.room(villageCode ?? ''),
    enabled: villageCode !== undefined,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('legal.room.village')}</Typography.Text>
        <RegionPicker
          browse
          allowClear
          maxLevel="village"
          value={villageCode}
          onChange={(code, region) => setVillageCode(code && (!region || region.level === 'village') ? code : undefined)}
          placeholder={t('legal.room.villagePlaceholder')}
          ariaLabel={t('legal.room.village')}
          testId="room-village-picker"
          style={{ width: 360 }}
        />
      </Space>
      {villageCode === undefined ? (
        <Empty style={{ padding: '48px 0' }} description={t('legal.room.pick')} />
      ) : room.isPending ? (
        <Skeleton active />
      ) : room.error ? (
        <LoadError error={room.error} onRetry={() => void room.refetch()} />
      ) : (
        <RoomForm key={room.data.villageCode} room={room.data} />
      )}
    </Space>
  );
}
