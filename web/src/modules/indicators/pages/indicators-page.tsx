import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { AssessmentTab } from '../components/assessment-tab.tsx';
import { CatalogueTab } from '../components/catalogue-tab.tsx';
import { ReportTab } from '../components/report-tab.tsx';
import { ReviewTab } from '../components/review-tab.tsx';
import { ScorecardTab } from '../components/scorecard-tab.tsx';

const TABS = ['scorecard', 'report', 'review', 'assessment', 'catalogue'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** 指标、目标与考核: scorecards, the village form, its review, and the five-aspect assessment. */
export function IndicatorsPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const village = session.scope.level === 'village';
  const can = (p: string) => session.permissions.includes(p);
  const items = [
    { key: 'scorecard', label: t('indicators.tab.scorecard'), children: <ScorecardTab key={session.scope.code} /> },
    ...(village && can('indicators.report')
      ? [{ key: 'report', label: t('indicators.tab.report'), children: <ReportTab key={session.scope.code} /> }]
      : []),
    ...(!village ? [{ key: 'review', label: t('indicators.tab.review'), children: <ReviewTab key={session.scope.code} /> }] : []),
    { key: 'assessment', label: t('indicators.tab.assessment'), children: <AssessmentTab key={session.scope.code} /> },
    { key: 'catalogue', label: t('indicators.tab.catalogue'), children: <CatalogueTab key={session.scope.code} /> },
  ];
  const active: TabKey = isTab(requested) && items.some((i) => i.key === requested) ? requested : 'scorecard';
  return (
    <>
      <PageHeader title={t('indicators.title')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'scorecard' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={items}
        />
      </Card>
    </>
  );
}
