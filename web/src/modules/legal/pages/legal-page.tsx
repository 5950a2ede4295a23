import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { AdvisorsTab } from '../components/advisors-tab.tsx';
import { AssignmentsTab } from '../components/assignments-tab.tsx';
import { ComplianceTab } from '../components/compliance-tab.tsx';
import { CoverageTab } from '../components/coverage-tab.tsx';
import { DashboardTab } from '../components/dashboard-tab.tsx';
import { LedgerTab } from '../components/ledger-tab.tsx';
import { QuestionsTab } from '../components/questions-tab.tsx';
import { RoomTab } from '../components/room-tab.tsx';

// `ledger`, `questions` and `coverage` are linked from the server's todo items (?tab=…): keep these keys.
const TABS = ['advisors', 'assignments', 'coverage', 'ledger', 'compliance', 'questions', 'dashboard', 'room'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/**
 * 一村（社区）一法律顾问: the roster, who serves which village, how far coverage has come, the service
 * ledger and its review, compliance with the service norms, online questions, the justice dashboard
 * and the service rooms.
 */
export function LegalPage() {
  const { t } = useI18n();
  const session = useSession();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  // Listing questions takes the record permission (officials and advisors), not just read.
  const questions = can('legal.record');
  const requested = params.get('tab');
  const active: TabKey = isTab(requested) && (requested !== 'questions' || questions) ? requested : 'advisors';
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
            { key: 'ledger', label: t('legal.tab.ledger'), children: <LedgerTab key={scope} /> },
            { key: 'compliance', label: t('legal.tab.compliance'), children: <ComplianceTab key={scope} /> },
            ...(questions ? [{ key: 'questions', label: t('legal.tab.questions'), children: <QuestionsTab key={scope} /> }] : []),
            { key: 'dashboard', label: t('legal.tab.dashboard'), children: <DashboardTab key={scope} /> },
            { key: 'room', label: t('legal.tab.room'), children: <RoomTab key={scope} /> },
          ]}
        />
      </Card>
    </>
  );
}
