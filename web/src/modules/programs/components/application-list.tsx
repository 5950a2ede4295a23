import { Empty, Select, Space, Switch, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  APPLICATION_STATUSES,
  type ApplicationListQuery,
  type ApplicationStatus,
  type ApplicationSummaryDto,
} from '@rg/domain/programs/application.schema';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { programKeys, programsApi } from '../api.ts';
import { ApplicationStatusTag, applicationPath } from './labels.tsx';

function isStatus(value: string | null): value is ApplicationStatus {
  return value !== null && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** 申报: the applications of units in the actor's region; filters live in the address (todo links). */
export function ApplicationList({ programId }: { programId?: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const query: ApplicationListQuery = {
    programId,
    ...(isStatus(status) ? { status } : {}),
    ...(params.get('awaitingMe') === 'true' ? { awaitingMe: 'true' } : {}),
  };
  const list = useQuery({ queryKey: programKeys.applications(query), queryFn: () => programsApi.applications(query) });
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('programs.col.status')}
          value={query.status}
          onChange={(value?: string) => setParam('status', value ?? null)}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`programs.status.${s}`) }))}
        />
        <Switch
          checked={query.awaitingMe === 'true'}
          onChange={(on) => setParam('awaitingMe', on ? 'true' : null)}
          aria-label={t('programs.applications.awaitingMe')}
        />
        <Typography.Text>{t('programs.applications.awaitingMe')}</Typography.Text>
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApplicationSummaryDto>
          size="middle"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          data-testid="application-list"
          locale={{ emptyText: <Empty description={t('programs.applications.empty')} /> }}
          columns={[
            { title: t('programs.col.unit'), render: (_, a) => <Link to={applicationPath(a.id)}>{a.unitName}</Link> },
            ...(programId ? [] : [{ title: t('programs.col.program'), dataIndex: 'programName' }]),
            { title: t('programs.col.status'), width: 100, render: (_, a) => <ApplicationStatusTag status={a.status} /> },
            { title: t('programs.col.waitingAt'), width: 140, render: (_, a) => a.reviewerRegionName ?? '—' },
            { title: t('programs.col.version'), dataIndex: 'planVersion', width: 90 },
            { title: t('programs.col.updated'), width: 150, render: (_, a) => dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      )}
    </Space>
  );
}
