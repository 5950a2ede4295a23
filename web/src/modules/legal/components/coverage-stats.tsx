import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { CoverageDto } from '@rg/domain/legal/assignment.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { StatCardCols, type StatCard } from '../../../app/layout/stat-cards.tsx';

export function percent(rate: number, villages: number): string {
  return villages === 0 ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 年底前贫困村全覆盖 (the pilot's target): met when every poor village has an advisor. */
function PoorTarget({ coverage }: { coverage: CoverageDto }) {
  const { t } = useI18n();
  const { poor } = coverage;
  if (poor.villages === 0) return <Typography.Text type="secondary">{t('legal.coverage.noPoor')}</Typography.Text>;
  const missing = poor.villages - poor.covered;
  return (
    <span data-testid="poor-target">
      <Typography.Text type="secondary">{t('legal.coverage.target')}</Typography.Text>
      <br />
      {missing <= 0 ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> {t('legal.coverage.targetMet')}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">
          <ExclamationCircleFilled /> {t('legal.coverage.targetNotMet', { count: missing })}
        </Typography.Text>
      )}
    </span>
  );
}

/** The figures of a region's coverage: all villages, the poor ones with their target, the pilot villages. */
export function CoverageStats({ coverage }: { coverage: CoverageDto }) {
  const { t } = useI18n();
  const cards: StatCard[] = [
    { key: 'villages', title: t('legal.coverage.villages'), value: String(coverage.villages) },
    { key: 'covered', title: t('legal.coverage.covered'), value: String(coverage.covered), color: '#389e0d' },
    {
      key: 'uncovered',
      title: t('legal.coverage.uncovered'),
      value: String(coverage.uncovered),
      color: coverage.uncovered > 0 ? '#cf1322' : undefined,
    },
    { key: 'rate', title: t('legal.coverage.rate'), value: percent(coverage.rate, coverage.villages) },
  ];
  const poorMet = coverage.poor.covered >= coverage.poor.villages;

  return (
    <Row gutter={[12, 12]} data-testid="coverage-stats">
      <StatCardCols cards={cards} />
      <Col flex="1.6 1 260px">
        <Card size="small" style={{ height: '100%' }}>
          <Statistic
            title={t('legal.coverage.poorRate')}
            value={percent(coverage.poor.rate, coverage.poor.villages)}
            suffix={
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('legal.coverage.poorCount', { covered: coverage.poor.covered, villages: coverage.poor.villages })}
              </Typography.Text>
            }
            styles={{ content: { color: coverage.poor.villages === 0 ? undefined : poorMet ? '#389e0d' : '#cf1322' } }}
          />
          <PoorTarget coverage={coverage} />
        </Card>
      </Col>
      <Col flex="1.2 1 200px">
        <Card size="small" style={{ height: '100%' }} data-testid="pilot-coverage">
          <Statistic
            title={t('legal.coverage.pilotRate')}
            value={percent(coverage.pilot.rate, coverage.pilot.villages)}
            suffix={
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('legal.coverage.pilotCount', { covered: coverage.pilot.covered, villages: coverage.pilot.villages })}
              </Typography.Text>
            }
          />
        </Card>
      </Col>
    </Row>
  );
}
