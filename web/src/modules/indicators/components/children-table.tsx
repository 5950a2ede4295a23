import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ScorecardChild, ScorecardDto } from '@rg/domain/indicators/indicators.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useIndicatorTexts } from '../labels.ts';
import { formatValue } from '../api.ts';
import { STATUS_COLORS } from './status-tag.tsx';

/** 下级排名: children ranked by indicators met; a click on a name drills into it (down to the villages). */
export function ChildrenTable({ card, onDrill }: { card: ScorecardDto; onDrill: (child: ScorecardChild) => void }) {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  const shown = card.indicators.filter((i) => i.source !== 'event' || card.children.some((c) => c.values[i.code] !== null));
  const columns: TableColumnsType<ScorecardChild> = [
    { title: t('indicators.rank'), dataIndex: 'rank', width: 64, fixed: 'left' },
    {
      title: t('indicators.region'),
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (_v, child) =>
        child.level === 'village' ? (
          child.name
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(child)}>
            {child.name}
          </Button>
        ),
    },
    ...shown.map((i) => ({
      title: texts.name(i),
      key: i.code,
      width: 130,
      align: 'right' as const,
      render: (_v: unknown, child: ScorecardChild) => {
        const status = child.statuses[i.code];
        const text = formatValue(i.unit, child.values[i.code]);
        return status ? (
          <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
            {text}
          </Tag>
        ) : (
          text
        );
      },
    })),
    { title: t('indicators.met'), dataIndex: 'met', width: 100, align: 'right' },
  ];
  return (
    <Table<ScorecardChild>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={card.children}
      pagination={card.children.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="scorecard-children"
    />
  );
}
