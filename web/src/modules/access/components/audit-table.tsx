import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PagedTable, type PagedData } from '../../../app/lists/paged-table.tsx';
import type { AuditEntryDto, AuditResult } from '@rg/domain/access/audit.schema';

const RESULT_COLORS: Record<AuditResult, string> = { ok: 'success', denied: 'warning', failed: 'error' };

function roleList(roles: AuditEntryDto['actorRoles']): string[] {
  return roles ? roles.split(',').filter(Boolean) : [];
}

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2);
}

export function AuditTable({ paged }: { paged: PagedData<AuditEntryDto> }) {
  const { t, tKey } = useI18n();
  const columns: TableColumnsType<AuditEntryDto> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 200,
      render: (_value, entry) => (
        <>
          <Typography.Text>{entry.actorName ?? '—'}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {roleList(entry.actorRoles)
              .map((role) => tKey(`role.${role}`, role))
              .join(t('common.listSeparator'))}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => <span data-action={action}>{tKey(`audit.action.${action}`, action)}</span>,
    },
    {
      title: t('audit.object'),
      key: 'object',
      ellipsis: true,
      render: (_value, entry) => (entry.objectType ? `${entry.objectType}${entry.objectId ? ' / ' + entry.objectId : ''}` : '—'),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (result: AuditResult) => <Tag color={RESULT_COLORS[result] ?? 'default'}>{tKey(`audit.result.${result}`, result)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 150,
      ellipsis: true,
      render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id}</Typography.Text> : '—'),
    },
  ];

  return (
    <PagedTable<AuditEntryDto>
      paged={paged}
      emptyText={t('audit.empty')}
      rowKey="seq"
      columns={columns}
      scroll={{ x: 1000 }}
      expandable={{
        rowExpandable: (entry) => detailText(entry.detail) !== '',
        expandedRowRender: (entry) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{detailText(entry.detail)}</pre>,
      }}
    />
  );
}
