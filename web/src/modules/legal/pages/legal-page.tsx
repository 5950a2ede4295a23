import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { AdvisorsTab } from '../components/advisors-tab.tsx';
import { AssignmentsTab } from '../components/assignments-tab.tsx';
import { CoverageTab } from '../components/coverage-tab.tsx';

const TABS = ['advisors', 'assignments', 'coverage'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** 一村（社区）一法律顾问: the roster, who serves which village, and how far coverage has come. */
export function LegalPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = isTab(requested) ? requested : 'advisors';
  // Lists are scoped: a new working scope starts every tab afresh (filters, drill-down).
  const scope = session.scope.code;

  return (
    <>
      <PageHeader title={t('legal.title')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'advisors' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'advisors', label: t('legal.tab.advisors'), children: <AdvisorsTab key={scope} /> },
            { key: 'assignments', label: t('legal.tab.assignments'), children: <AssignmentsTab key={scope} /> },
            { key: 'coverage', label: t('legal.tab.coverage'), children: <CoverageTab key={scope} /> },
          ]}
        />
      </Card>
    </>
  );
}
