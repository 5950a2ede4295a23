import { DownloadOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatsDto } from '@rg/domain/mediation/stats.schema';
import { useMemo, useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { shortMonth } from '../../../app/i18n/short-month.ts';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { mediationApi, mediationKeys, statsExportUrl } from '../api.ts';
import { percent, useMediationLabels } from '../labels.ts';
import { Bars } from './bar-chart.tsx';

type Child = StatsDto['children'][number];

/** 统计分析: the year's figures for the scope, by type and month, and the child regions to drill into. */
export function StatsTab() {
  const { t, language } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const regionCode = trail[trail.length - 1]?.code;
  const stats = useQuery({
    queryKey: mediationKeys.stats(year, regionCode),
    queryFn: () => mediationApi.stats(year, regionCode),
    placeholderData: keepPreviousData,
  });
  const data = stats.data;
  const byType = useMemo(() => (data ? data.byType.filter((b) => b.registered > 0) : []), [data]);
  const typeSeries = useMemo(
    () => [
      { name: t('mediation.stats.success'), values: byType.map((b) => b.success), color: '#52c41a' },
      { name: t('mediation.stats.failed'), values: byType.map((b) => b.failed), color: '#fa8c16' },
      { name: t('mediation.stats.open'), values: byType.map((b) => b.registered - b.success - b.failed), color: '#91caff' },
    ],
    [byType, t],
  );
  const monthSeries = useMemo(
    () =>
      data
        ? [
            { name: t('mediation.stats.registered'), values: data.byMonth.map((m) => m.registered), color: '#1677ff' },
            { name: t('mediation.stats.success'), values: data.byMonth.map((m) => m.success), color: '#52c41a' },
          ]
        : [],
    [data, t],
  );
  const months = useMemo(() => (data ? data.byMonth.map((m) => shortMonth(language, m.month)) : []), [data, language]);
  const typeNames = useMemo(() => byType.map((b) => labels.caseType[b.caseType]), [byType, labels]);

  const columns: TableColumnsType<Child> = [
    {
      title: t('mediation.stats.region'),
      dataIndex: 'name',
      render: (_v, c) =>
        c.level === 'village' ? (
          c.name
        ) : (
          <Typography.Link onClick={() => setTrail([...trail, { code: c.code, name: c.name }])}>{c.name}</Typography.Link>
        ),
    },
    { title: t('mediation.stats.registered'), dataIndex: 'registered', width: 80, sorter: (a, b) => a.registered - b.registered },
    {
      title: t('mediation.stats.successRate'),
      dataIndex: 'successRate',
      width: 110,
      render: (v: number) => percent(v),
      sorter: (a, b) => a.successRate - b.successRate,
    },
    { title: t('mediation.stats.performanceRate'), dataIndex: ['performance', 'rate'], width: 110, render: (v: number) => percent(v) },
    { title: t('mediation.stats.overdueRate'), dataIndex: 'overdueRate', width: 90, render: (v: number) => percent(v) },
    { title: t('mediation.stats.openHighRisk'), dataIndex: 'openHighRisk', width: 110 },
    { title: t('mediation.stats.avgDuration'), dataIndex: 'avgDurationDays', width: 110 },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={16} wrap>
        <Breadcrumb
          data-testid="stats-breadcrumb"
          items={[
            {
              key: 'scope',
              title: trail.length ? (
                <Typography.Link onClick={() => setTrail([])}>{session.scope.name}</Typography.Link>
              ) : (
                session.scope.name
              ),
            },
            ...trail.map((s, i) => ({
              key: s.code,
              title:
                i < trail.length - 1 ? <Typography.Link onClick={() => setTrail(trail.slice(0, i + 1))}>{s.name}</Typography.Link> : s.name,
            })),
          ]}
        />
        <Space>
          {t('mediation.stats.year')}
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('mediation.stats.year')} />
        </Space>
        {data?.abilities.export && (
          <Button icon={<DownloadOutlined />} href={statsExportUrl(year, regionCode)} data-testid="stats-export">
            {t('mediation.stats.export')}
          </Button>
        )}
      </Space>
      {stats.isPending ? (
        <Skeleton active />
      ) : stats.error ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : data ? (
        <>
          <Row gutter={[16, 16]} data-testid="stats-figures">
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('mediation.stats.registered')} value={data.totals.registered} />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('mediation.stats.successRate')} value={percent(data.totals.successRate)} />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('mediation.stats.performanceRate')} value={percent(data.totals.performance.rate)} />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('mediation.stats.overdueRate')} value={percent(data.totals.overdueRate)} />
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Statistic
                title={t('mediation.stats.openHighRisk')}
                value={data.totals.openHighRisk}
                valueStyle={{ color: data.totals.openHighRisk ? '#cf1322' : undefined }}
              />
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Statistic
                title={t('mediation.stats.openCriminalRisk')}
                value={data.totals.openCriminalRisk}
                valueStyle={{ color: data.totals.openCriminalRisk ? '#cf1322' : undefined }}
              />
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Statistic title={t('mediation.stats.avgDuration')} value={data.totals.avgDurationDays} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('mediation.stats.byType')}>
                <Bars
                  categories={typeNames}
                  series={typeSeries}
                  horizontal
                  stacked
                  height={Math.max(220, typeNames.length * 26 + 60)}
                  testId="stats-by-type"
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('mediation.stats.byMonth')}>
                <Bars categories={months} series={monthSeries} height={Math.max(220, typeNames.length * 26 + 60)} testId="stats-by-month" />
              </Card>
            </Col>
          </Row>
          {data.children.length > 0 && (
            <Card size="small" title={t('mediation.stats.children')}>
              <Table<Child>
                size="small"
                rowKey="code"
                dataSource={data.children}
                columns={columns}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="stats-children"
              />
            </Card>
          )}
        </>
      ) : null}
    </Space>
  );
}
