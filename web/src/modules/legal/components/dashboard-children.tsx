import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { LegalDashboardDto } from '@rg/domain/legal/service.schema';
import { SERVICE_WINDOWS } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { drillNameColumn, drillRow } from '../../../app/lists/drill-down.tsx';
import { windowLabel } from './ledger-labels.tsx';

type Child = LegalDashboardDto['children'][number];

/** 下级区划服务情况: services per child region and window; a click on a town (or county) makes it the dashboard's region. */
export function DashboardChildren({ dashboard, onDrill }: { dashboard: LegalDashboardDto; onDrill: (child: Child) => void }) {
  const { t } = useI18n();
  // Below a town the children are villages: nothing further to drill into.
  const canDrill = dashboard.region.level !== 'town' && dashboard.region.level !== 'village';
  const columns: TableColumnsType<Child> = [
    drillNameColumn<Child>(t('legal.dashboard.region'), 160, () => canDrill, onDrill),
    {
      title: t('legal.dashboard.total'),
      dataIndex: 'total',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      defaultSortOrder: 'descend',
    },
    ...SERVICE_WINDOWS.map((window) => ({
      title: windowLabel(t, window),
      key: window,
      width: 100,
      align: 'right' as const,
      sorter: (a: Child, b: Child) => a.byWindow[window] - b.byWindow[window],
      render: (_value: unknown, child: Child) => child.byWindow[window],
    })),
  ];

  return (
    <Table<Child>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={dashboard.children}
      pagination={false}
      scroll={{ x: 570, y: 360 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.dashboard.childrenEmpty')} /> }}
      onRow={drillRow<Child>(() => canDrill, onDrill)}
      data-testid="dashboard-children"
    />
  );
}
