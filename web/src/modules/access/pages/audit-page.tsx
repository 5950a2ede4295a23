import { Alert, Card } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/api-error.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { accessKeys, auditApi, type AuditQuery } from '../api.ts';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { AuditTable } from '../components/audit-table.tsx';

function toQuery(filters: AuditFilterValues, page: number, pageSize: number): AuditQuery {
  return {
    q: filters.q,
    action: filters.action,
    result: filters.result,
    from: filters.range?.[0].toISOString(),
    to: filters.range?.[1].toISOString(),
    page,
    pageSize,
  };
}

/** 审计日志: who did what, where, with what result; newest first. */
export function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = toQuery(filters, paging.page, paging.pageSize);
  const audit = useQuery({
    queryKey: accessKeys.audit(query),
    queryFn: () => auditApi.list(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        />
        {audit.error && <Alert type="error" showIcon title={errorMessage(audit.error)} style={{ marginBottom: 16 }} />}
        <AuditTable
          items={audit.data?.items ?? []}
          total={audit.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={audit.isFetching}
          onPage={(page, pageSize) => setPaging({ page, pageSize })}
        />
      </Card>
    </>
  );
}
