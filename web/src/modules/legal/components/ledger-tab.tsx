import { Flex } from 'antd';
import type { ServiceDto } from '@rg/domain/legal/service.schema';
import { useState } from 'react';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { legalReportKeys, legalReportsApi, type ServiceListQuery } from '../api.reports.ts';
import { DossierDownloads } from './dossier-downloads.tsx';
import { LedgerDrawer } from './ledger-drawer.tsx';
import { LedgerFilters, type LedgerFilterValues } from './ledger-filters.tsx';
import { LedgerTable } from './ledger-table.tsx';

function toQuery({ regionName: _shown, ...filters }: LedgerFilterValues, paging: Paging): ServiceListQuery {
  return { ...filters, ...paging };
}

/** 服务台账 tab: every service recorded in the scope (一次一记), its review, and the dossier downloads. */
export function LedgerTab() {
  const { can } = useAuth();
  const session = useSession();
  const [opened, setOpened] = useState<string | null>(null);
  const list = usePagedList({ toQuery, queryKey: legalReportKeys.services, queryFn: legalReportsApi.services });
  const filters = list.filters;

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <LedgerFilters value={filters} onChange={list.setFilters} />
        {can('legal.export') && (
          <DossierDownloads
            regionCode={filters.regionCode ?? session.scope.code}
            regionName={filters.regionCode ? (filters.regionName ?? filters.regionCode) : session.scope.name}
          />
        )}
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <LedgerTable paged={list.paged} onOpen={(service: ServiceDto) => setOpened(service.id)} />
      <LedgerDrawer serviceId={opened} onClose={() => setOpened(null)} />
    </>
  );
}
