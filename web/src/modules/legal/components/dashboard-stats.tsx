import { Row } from 'antd';
import type { LegalDashboardDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { percent } from './coverage-stats.tsx';
import { StatCardCols, type StatCard } from '../../../app/layout/stat-cards.tsx';

const RED = '#cf1322';
const GREEN = '#389e0d';

/** The five figures on top of the dashboard; what needs a follow-up shows red. */
export function DashboardStats({ dashboard }: { dashboard: LegalDashboardDto }) {
  const { t } = useI18n();
  const { coverage, compliance } = dashboard;
  const cards: StatCard[] = [
    { key: 'total', title: t('legal.dashboard.total'), value: String(dashboard.total) },
    {
      key: 'coverage',
      title: t('legal.dashboard.coverage'),
      value: percent(coverage.rate, coverage.villages),
      note: t('legal.dashboard.coverageCount', { covered: coverage.covered, villages: coverage.villages }),
    },
    {
      key: 'poor',
      title: t('legal.dashboard.poorCoverage'),
      value: coverage.poorVillages === 0 ? '—' : percent(coverage.poorCovered / coverage.poorVillages, coverage.poorVillages),
      color: coverage.poorVillages === 0 ? undefined : coverage.poorCovered < coverage.poorVillages ? RED : GREEN,
      note: t('legal.dashboard.coverageCount', { covered: coverage.poorCovered, villages: coverage.poorVillages }),
    },
    {
      key: 'behind',
      title: `${t('legal.dashboard.behind')}${t('common.parenthesised', { text: compliance.period })}`,
      value: String(compliance.behind),
      color: compliance.behind > 0 ? RED : undefined,
      note: t('legal.dashboard.behindOf', { villages: compliance.villages }),
    },
    {
      key: 'overdue',
      title: t('legal.dashboard.overdue'),
      value: String(dashboard.overdueQuestions),
      color: dashboard.overdueQuestions > 0 ? RED : undefined,
    },
  ];

  return (
    <Row gutter={[12, 12]} data-testid="dashboard-stats">
      <StatCardCols cards={cards} basis={180} />
    </Row>
  );
}
