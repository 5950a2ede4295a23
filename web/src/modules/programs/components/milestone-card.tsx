import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MilestoneDto, ProgramDetailDto } from '@rg/domain/programs/program.schema';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';
import { ExtendModal, MilestoneModal } from './program-modals.tsx';

/**
 * 工作节点 of a programme; its manager adds one, extends one (延期, with a reason) or removes one
 * after confirming (a 申报截止 that has passed stays: removing it would reopen submission).
 */
export function MilestoneCard({ program }: { program: ProgramDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const [extending, setExtending] = useState<MilestoneDto | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (milestone: MilestoneDto) => programsApi.removeMilestone(program.id, milestone.id),
    onSuccess: () => {
      void message.success(t('programs.milestone.removed'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: showError,
  });
  const manage = program.abilities.manage;
  return (
    <Card
      title={t('programs.detail.milestones')}
      size="small"
      extra={
        manage && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('programs.milestone.add')}
          </Button>
        )
      }
    >
      <Table<MilestoneDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={program.milestones}
        data-testid="milestones"
        columns={[
          {
            title: t('programs.milestone.name'),
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                {m.name}
                {m.closesSubmission && <Tag color="orange">{t('programs.milestone.closesSubmission')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('programs.milestone.due'),
            width: 130,
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <span style={m.extendedTo ? { textDecoration: 'line-through', color: '#999' } : undefined}>{m.dueDate}</span>
                {m.extendedTo && <span>{t('programs.milestone.extendedTo', { date: m.extendedTo })}</span>}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, m: MilestoneDto) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setExtending(m)}>
                        {t('programs.milestone.extend')}
                      </Button>
                      {m.removable ? (
                        <Popconfirm
                          title={t('programs.milestone.removeConfirm', { name: m.name })}
                          okText={t('programs.milestone.remove')}
                          okButtonProps={{ danger: true, loading: remove.isPending }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => remove.mutateAsync(m).catch(() => undefined)}
                        >
                          <Button size="small" type="link" danger>
                            {t('programs.milestone.remove')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Tooltip title={t('programs.milestone.notRemovable')}>
                          <Button size="small" type="link" disabled>
                            {t('programs.milestone.remove')}
                          </Button>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ExtendModal programId={program.id} milestone={extending} onClose={() => setExtending(null)} />
      <MilestoneModal programId={program.id} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
