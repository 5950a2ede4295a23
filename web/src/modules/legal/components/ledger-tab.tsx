import { PhoneOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ServiceDto } from '@rg/domain/legal/service.schema';
import { useState } from 'react';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { legalReportKeys, legalReportsApi, type ServiceListQuery } from '../api.reports.ts';
import { DossierDownloads } from './dossier-downloads.tsx';
import { HotlineCallModal } from './hotline-call-modal.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LedgerDrawer } from './ledger-drawer.tsx';
import { LedgerFilters, type LedgerFilterValues } from './ledger-filters.tsx';
import { LedgerTable } from './ledger-table.tsx';

function toQuery({ regionName: _shown, ...filters }: LedgerFilterValues, paging: Paging): ServiceListQuery {
  return { ...filters, ...paging };
}

/** 服务台账 tab: every service recorded in the scope (一次一记), its review, the hotline call log and the dossier downloads. */
export function LedgerTab() {
  const { can } = useAuth();
  const session = useSession();
  const { t } = useI18n();
  const [opened, setOpened] = useState<string | null>(null);
  const [calling, setCalling] = useState(false);
  const list = usePagedList({ toQuery, queryKey: legalReportKeys.services, queryFn: legalReportsApi.services });
  // Recording a hotline call is recording an entry: the ledger policy's collection ability.
  const records = list.answer?.abilities.create ?? false;
  const filters = list.filters;

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <LedgerFilters value={filters} onChange={list.setFilters} />
        <Flex gap={8} wrap>
          {records && (
            <Button icon={<PhoneOutlined />} onClick={() => setCalling(true)}>
              {t('legal.hotline.open')}
            </Button>
          )}
          {can('legal.export') && (
            <DossierDownloads
              regionCode={filters.regionCode ?? session.scope.code}
              regionName={filters.regionCode ? (filters.regionName ?? filters.regionCode) : session.scope.name}
            />
          )}
        </Flex>
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <LedgerTable paged={list.paged} onOpen={(service: ServiceDto) => setOpened(service.id)} />
      <LedgerDrawer serviceId={opened} onClose={() => setOpened(null)} />
      <HotlineCallModal open={calling} onClose={() => setCalling(false)} />
    </>
  );
}
