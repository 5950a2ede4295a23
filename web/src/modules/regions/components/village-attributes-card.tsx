import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { VillageAttributesModal } from './village-attributes-modal.tsx';

/** 村庄信息: kind, poverty status, population and households (P1.3: poor villages pilot first). */
export function VillageAttributesCard({ village }: { village: RegionDto }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('regions.attributes')}
      data-testid="village-attributes"
      extra={
        can('region.manage') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('regions.editAttributes')}
          </Button>
        )
      }
    >
      <Descriptions column={5} size="small">
        <Descriptions.Item label={t('regions.code')}>{village.code}</Descriptions.Item>
        <Descriptions.Item label={t('regions.kind')}>{village.kind ? t(`regions.kind.${village.kind}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('regions.poor')}>
          {village.isPoor ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('regions.population')}>{village.population ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('regions.households')}>{village.households ?? '—'}</Descriptions.Item>
      </Descriptions>
      <VillageAttributesModal village={village} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}
