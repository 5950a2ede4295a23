import { Button, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { ProgramCreateModal } from './program-create-modal.tsx';
import { useQuery } from '@tanstack/react-query';
import type { ProgramDto } from '@rg/domain/programs/program.schema';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { programKeys, programsApi } from '../api.ts';
import { ProgramStatusTag, programPath } from './labels.tsx';

/** The programmes run in the actor's region or above it (a county sees the national batch too). */
export function ProgramList() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: programKeys.list(), queryFn: programsApi.list });
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {list.data?.abilities.create && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('programs.create')}
        </Button>
      )}
      <Table<ProgramDto>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="program-list"
        locale={{ emptyText: <Empty description={t('programs.list.empty')} /> }}
        columns={[
          { title: t('programs.col.name'), render: (_, p) => <Link to={programPath(p.id)}>{p.name}</Link> },
          { title: t('programs.col.batch'), dataIndex: 'batch', width: 100 },
          {
            title: t('programs.col.organiser'),
            render: (_, p) =>
              p.organiserLevel === 'nation'
                ? p.organiserName
                : `${p.organiserName}${t('common.parenthesised', { text: t(`programs.level.${p.organiserLevel}`) })}`,
            width: 160,
          },
          { title: t('programs.col.unitLevel'), render: (_, p) => t(`programs.unitLevel.${p.unitLevel}`), width: 110 },
          { title: t('programs.col.cycle'), render: (_, p) => `${p.cycleStart} ~ ${p.cycleEnd}`, width: 200 },
          { title: t('programs.col.status'), width: 90, render: (_, p) => <ProgramStatusTag program={p} /> },
        ]}
      />
      <ProgramCreateModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
