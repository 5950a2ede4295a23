import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { ApplicationList } from '../components/application-list.tsx';
import { DesignationsTable } from '../components/designations-table.tsx';
import { ProgramList } from '../components/program-list.tsx';
import { GroupList } from '../components/group-list.tsx';
import { CaseList } from '../components/case-list.tsx';
import { ThreeLevelBoard } from '../components/three-level-board.tsx';

const TABS = ['programs', 'applications', 'designations', 'groups', 'cases', 'board'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => value !== null && (TABS as readonly string[]).includes(value);

/** 乡村治理试点示范: programmes, the applications under review, and the honours given. */
export function ProgramsPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = isTab(requested) ? requested : 'programs';
  const scope = session.scope.code;
  return (
    <>
      <PageHeader title={t('programs.title')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'programs' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'programs', label: t('programs.tab.programs'), children: <ProgramList key={scope} /> },
            { key: 'applications', label: t('programs.tab.applications'), children: <ApplicationList key={scope} /> },
            { key: 'designations', label: t('programs.tab.designations'), children: <DesignationsTable key={scope} /> },
            { key: 'groups', label: t('programs.tab.groups'), children: <GroupList key={scope} /> },
            { key: 'cases', label: t('programs.tab.cases'), children: <CaseList key={scope} /> },
            { key: 'board', label: t('programs.tab.board'), children: <ThreeLevelBoard key={scope} /> },
          ]}
        />
      </Card>
    </>
  );
}
