import { Card } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import type { AuditQuery } from '@rg/domain/access/audit.schema';
import { accessKeys, auditApi } from '../api.ts';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { AuditTable } from '../components/audit-table.tsx';

function toQuery(filters: AuditFilterValues, { page, pageSize }: Paging): AuditQuery {
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
  const audit = usePagedList({ toQuery, queryKey: accessKeys.audit, queryFn: auditApi.list });

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <AuditFilters value={audit.filters} onChange={audit.setFilters} />
        <ErrorAlert message={audit.errorMessage} />
        <AuditTable paged={audit.paged} />
      </Card>
    </>
  );
}
