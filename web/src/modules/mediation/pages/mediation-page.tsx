import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { AidTab } from '../components/aid-tab.tsx';
import { CasesTab } from '../components/cases-tab.tsx';
import { OrganisationsTab } from '../components/organisations-tab.tsx';
import { ScreeningTab } from '../components/screening-tab.tsx';
import { StaffingTab } from '../components/staffing-tab.tsx';
import { StatsTab } from '../components/stats-tab.tsx';

const TABS = ['cases', 'organisations', 'staffing', 'screening', 'aid', 'stats'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => value !== null && (TABS as readonly string[]).includes(value);

/** 人民调解与法律援助 (P1.4(4), P3.3(三)1): cases, organisations, staffing, screening, legal aid, statistics. */
export function MediationPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = isTab(requested) ? requested : 'cases';
  // Lists are scoped: a new working scope starts every tab afresh.
  const scope = session.scope.code;
  return (
    <>
      <PageHeader title={t('mediation.title')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'cases' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'cases', label: t('mediation.tab.cases'), children: <CasesTab key={scope} /> },
            { key: 'organisations', label: t('mediation.tab.organisations'), children: <OrganisationsTab key={scope} /> },
            { key: 'staffing', label: t('mediation.tab.staffing'), children: <StaffingTab key={scope} /> },
            { key: 'screening', label: t('mediation.tab.screening'), children: <ScreeningTab key={scope} /> },
            { key: 'aid', label: t('mediation.tab.aid'), children: <AidTab key={scope} /> },
            { key: 'stats', label: t('mediation.tab.stats'), children: <StatsTab key={scope} /> },
          ]}
        />
      </Card>
    </>
  );
}
