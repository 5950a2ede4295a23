import { Breadcrumb, Button, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useIndicatorTexts } from '../labels.ts';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { indicatorsApi, indicatorsKeys, recentPeriods, reportingPeriod, scorecardExportUrl } from '../api.ts';
import { ChildrenTable } from './children-table.tsx';
import { IndicatorCards } from './indicator-cards.tsx';
import { ChildrenChart, TrendChart } from './scorecard-charts.tsx';

interface Step {
  code: string;
  name: string;
}

/** 指标看板: the scope's indicators against their targets, trend, child ranking and drill-down. */
export function ScorecardTab() {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  const session = useSession();
  const [trail, setTrail] = useState<Step[]>([]);
  const [period, setPeriod] = useState(reportingPeriod());
  const [selected, setSelected] = useState('safety.six_none');
  const regionCode = trail[trail.length - 1]?.code;
  const card = useQuery({
    queryKey: indicatorsKeys.scorecard(regionCode, period),
    queryFn: () => indicatorsApi.scorecard(regionCode, period),
    placeholderData: keepPreviousData,
  });
  const canExport = session.permissions.includes('indicators.export');
  const breadcrumb = [
    {
      key: 'scope',
      title: trail.length > 0 ? <Typography.Link onClick={() => setTrail([])}>{session.scope.name}</Typography.Link> : session.scope.name,
    },
    ...trail.map((step, index) => ({
      key: step.code,
      title:
        index < trail.length - 1 ? (
          <Typography.Link onClick={() => setTrail(trail.slice(0, index + 1))}>{step.name}</Typography.Link>
        ) : (
          step.name
        ),
    })),
  ];
  const indicator = card.data?.indicators.find((i) => i.code === selected) ?? card.data?.indicators[0];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Breadcrumb items={breadcrumb} data-testid="scorecard-breadcrumb" />
        <Space wrap>
          <span>{t('indicators.period')}</span>
          <Select
            value={period}
            onChange={setPeriod}
            style={{ width: 120 }}
            options={recentPeriods(8).map((p) => ({ value: p, label: p }))}
            data-testid="period-select"
          />
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                window.location.href = scorecardExportUrl(regionCode, period);
              }}
            >
              {t('indicators.export')}
            </Button>
          )}
        </Space>
      </Space>
      {card.isPending ? (
        <Skeleton active />
      ) : card.error ? (
        <LoadError error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <>
          <IndicatorCards indicators={card.data.indicators} selected={indicator?.code ?? ''} onSelect={setSelected} />
          {indicator && (
            <Row gutter={[24, 16]}>
              <Col xs={24} xl={card.data.children.length > 0 ? 10 : 24}>
                <Typography.Title
                  level={5}
                  style={{ marginTop: 0 }}
                >{`${t('indicators.trend')} · ${texts.name(indicator)}`}</Typography.Title>
                <TrendChart indicator={indicator} />
              </Col>
              {card.data.children.length > 0 && (
                <Col xs={24} xl={14}>
                  <Typography.Title
                    level={5}
                    style={{ marginTop: 0 }}
                  >{`${t('indicators.childrenChart')} · ${texts.name(indicator)}`}</Typography.Title>
                  <ChildrenChart card={card.data} indicator={indicator} />
                </Col>
              )}
            </Row>
          )}
          {card.data.children.length > 0 && (
            <>
              <Space align="baseline">
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('indicators.children')}
                </Typography.Title>
                <Typography.Text type="secondary">{t('indicators.drill')}</Typography.Text>
              </Space>
              <ChildrenTable card={card.data} onDrill={(child) => setTrail((cur) => [...cur, { code: child.code, name: child.name }])} />
            </>
          )}
        </>
      )}
    </Space>
  );
}
