import { Empty, Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CoverageDto } from '@rg/domain/legal/assignment.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { drillNameColumn, drillRow } from '../../../app/lists/drill-down.tsx';
import { percent } from './coverage-stats.tsx';

type Child = CoverageDto['children'][number];

/** A county has a dozen or two towns: they scroll inside the table so the uncovered list stays near. */
const CHILDREN_HEIGHT = 330;

function canDrill(child: Child): boolean {
  return child.level !== 'village' && child.villages > 0;
}

/** 下级区划覆盖情况: one row per child region; a click on a town (or county…) drills down into it. */
export function CoverageChildren({ coverage, onDrill }: { coverage: CoverageDto; onDrill: (child: Child) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Child> = [
    drillNameColumn<Child>(t('legal.coverage.region'), 100, canDrill, onDrill),
    { title: t('legal.coverage.villagesShort'), dataIndex: 'villages', width: 90, align: 'right' },
    { title: t('legal.coverage.covered'), dataIndex: 'covered', width: 70, align: 'right' },
    {
      title: t('legal.coverage.rate'),
      dataIndex: 'rate',
      width: 150,
      render: (_value, child) =>
        child.villages === 0 ? (
          '—'
        ) : (
          <Progress
            percent={Math.round(child.rate * 1000) / 10}
            size="small"
            status={child.rate >= 1 ? 'success' : 'normal'}
            format={() => percent(child.rate, child.villages)}
          />
        ),
    },
    {
      title: t('legal.coverage.poorCovered'),
      key: 'poor',
      width: 100,
      align: 'right',
      render: (_value, child) =>
        child.poorVillages === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text type={child.poorCovered < child.poorVillages ? 'danger' : 'success'}>
            {child.poorCovered} / {child.poorVillages}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Table<Child>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={coverage.children}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.coverage.childrenEmpty')} /> }}
      onRow={drillRow(canDrill, onDrill)}
      scroll={{ x: 510, y: CHILDREN_HEIGHT }}
      data-testid="coverage-children"
    />
  );
}
