import { Button, Empty, Space, Table, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { DesignationAction, DesignationDto } from '@rg/domain/programs/designation.schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { programKeys, programsApi } from '../api.ts';
import { DesignationActionModal } from './designation-action-modal.tsx';
import { DesignationStatusTag, programPath } from './labels.tsx';

/** 示范命名 of the units inside a region (or of one programme), with the moves the server allows the actor (警示、恢复、撤销). */
export function DesignationsTable({ regionCode, programId, compact }: { regionCode?: string; programId?: string; compact?: boolean }) {
  const { t } = useI18n();
  const query = { regionCode, programId };
  const list = useQuery({ queryKey: programKeys.designations(query), queryFn: () => programsApi.designations(query) });
  const [target, setTarget] = useState<{ designation: DesignationDto; action: DesignationAction } | null>(null);
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Table<DesignationDto>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={compact ? false : { pageSize: 20 }}
        data-testid="designations-table"
        locale={{ emptyText: <Empty description={t('programs.designations.empty')} /> }}
        columns={[
          { title: t('programs.col.unit'), render: (_, d) => <Link to={`/programs/designations/${d.id}`}>{d.unitName}</Link> },
          { title: t('programs.col.title'), dataIndex: 'title' },
          {
            title: t('programs.col.program'),
            render: (_, d) => (
              <Link to={programPath(d.programId)}>
                {d.programName}
                {t('common.parenthesised', { text: d.batch })}
              </Link>
            ),
          },
          { title: t('programs.col.designatedOn'), dataIndex: 'designatedOn', width: 110 },
          { title: t('programs.col.validUntil'), dataIndex: 'validUntil', width: 110 },
          {
            title: t('programs.col.status'),
            width: 100,
            render: (_, d) =>
              d.statusReason ? (
                <Tooltip title={d.statusReason}>
                  <span>
                    <DesignationStatusTag status={d.status} />
                  </span>
                </Tooltip>
              ) : (
                <DesignationStatusTag status={d.status} />
              ),
          },
          ...(compact
            ? []
            : [
                {
                  title: t('programs.col.actions'),
                  width: 140,
                  render: (_: unknown, d: DesignationDto) => (
                    <Space size={0}>
                      {d.abilities.warn && (
                        <Button type="link" size="small" onClick={() => setTarget({ designation: d, action: 'warn' })}>
                          {t('programs.designation.warn')}
                        </Button>
                      )}
                      {d.abilities.restore && (
                        <Button type="link" size="small" onClick={() => setTarget({ designation: d, action: 'restore' })}>
                          {t('programs.designation.restore')}
                        </Button>
                      )}
                      {d.abilities.revoke && (
                        <Button type="link" size="small" danger onClick={() => setTarget({ designation: d, action: 'revoke' })}>
                          {t('programs.designation.revoke')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      <DesignationActionModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
