import { Card, Col, Divider, Flex, Row, Skeleton, Space, Switch, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceDto } from '@rg/domain/legal/service.schema';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { FilterBar } from '../../../app/lists/filter-bar.tsx';
import type { Paging } from '../../../app/lists/use-paged-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalReportKeys, legalReportsApi, type ComplianceQuery } from '../api.reports.ts';
import { ComplianceAdvisors } from './compliance-advisors.tsx';
import { NormTag } from './compliance-labels.tsx';
import { ComplianceNorms } from './compliance-norms.tsx';
import { CompliancePeriod, currentPeriod, periodParam, type PeriodValue } from './compliance-period.tsx';
import { ComplianceVillages } from './compliance-villages.tsx';
import { percent } from './coverage-stats.tsx';
import { StatCardCols, type StatCard } from '../../../app/layout/stat-cards.tsx';

function Summary({ compliance }: { compliance: ComplianceDto }) {
  const { t } = useI18n();
  const cards: StatCard[] = [
    { key: 'villages', title: t('legal.compliance.villages'), value: String(compliance.villages) },
    {
      key: 'behind',
      title: t('legal.compliance.behind'),
      value: String(compliance.behind),
      color: compliance.behind > 0 ? '#cf1322' : undefined,
    },
    { key: 'rate', title: t('legal.compliance.rate'), value: percent(compliance.rate, compliance.villages) },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="compliance-summary">
      <StatCardCols cards={cards} />
      <Col flex="2 1 320px">
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('legal.compliance.norms')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {compliance.norms.length === 0 ? (
              <Typography.Text type="warning">{t('legal.compliance.noNormsForPeriod')}</Typography.Text>
            ) : (
              compliance.norms.map((norm) => <NormTag key={norm.id} norm={norm} t={t} />)
            )}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

/** 履职情况 tab: for a month, quarter or year, which villages got the services the norms ask for, and the norms themselves. */
export function ComplianceTab() {
  const { t } = useI18n();
  const { errorMessage } = useErrorMessages();
  const [period, setPeriod] = useState<PeriodValue>(currentPeriod);
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [behindOnly, setBehindOnly] = useState(false);
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  // Any filter change starts again at page 1, as usePagedList does.
  const refilter =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setPaging((current) => ({ ...current, page: 1 }));
    };
  const query: ComplianceQuery = { regionCode, period: periodParam(period), behindOnly: behindOnly ? 'true' : undefined, ...paging };
  const compliance = useQuery({
    queryKey: legalReportKeys.compliance(query),
    queryFn: () => legalReportsApi.compliance(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <FilterBar
          onReset={() => {
            setPeriod(currentPeriod());
            setRegionCode(undefined);
            setBehindOnly(false);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        >
          <CompliancePeriod value={period} onChange={refilter(setPeriod)} />
          <RegionPicker
            allowClear
            placeholder={t('legal.compliance.regionFilter')}
            ariaLabel={t('legal.compliance.regionFilter')}
            testId="compliance-region-filter"
            style={{ width: 240 }}
            value={regionCode}
            onChange={refilter(setRegionCode)}
          />
          <Space>
            <Switch checked={behindOnly} onChange={refilter(setBehindOnly)} aria-label={t('legal.compliance.behindOnly')} />
            {t('legal.compliance.behindOnly')}
          </Space>
        </FilterBar>
      </Flex>
      {compliance.isPending ? (
        <Skeleton active />
      ) : compliance.error && !compliance.data ? (
        <LoadError error={compliance.error} onRetry={() => void compliance.refetch()} />
      ) : (
        <>
          <ErrorAlert message={compliance.error ? errorMessage(compliance.error) : null} />
          <Summary compliance={compliance.data} />
          <Row gutter={[24, 16]}>
            <Col xs={24} xl={16}>
              <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12 }}>
                {t('legal.compliance.villageTable')}
              </Typography.Title>
              <ComplianceVillages
                compliance={compliance.data}
                behindOnly={behindOnly}
                paged={{
                  items: compliance.data.items,
                  total: compliance.data.total,
                  page: paging.page,
                  pageSize: paging.pageSize,
                  loading: compliance.isFetching,
                  onPage: (page, pageSize) => setPaging({ page, pageSize }),
                }}
              />
            </Col>
            <Col xs={24} xl={8}>
              <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12 }}>
                {t('legal.compliance.advisorTable')}
              </Typography.Title>
              <ComplianceAdvisors advisors={compliance.data.advisors} />
            </Col>
          </Row>
        </>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <ComplianceNorms />
    </Space>
  );
}
