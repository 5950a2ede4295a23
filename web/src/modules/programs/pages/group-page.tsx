import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyDto, GroupMemberDto, TaskDto, TaskStatus } from '@rg/domain/programs/organization.schema';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { programKeys, programsApi } from '../api.ts';
import { AgencyModal, MemberModal, TaskModal } from '../components/group-modals.tsx';

const STATUS_COLOR: Record<TaskStatus, string> = { open: 'default', in_progress: 'processing', done: 'success' };

/** 领导小组: who leads, which agencies take part and with what duties, and the tasks with their deadlines. */
export function GroupPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const group = useQuery({ queryKey: programKeys.group(id), queryFn: () => programsApi.group(id) });
  const showError = useErrorToast();
  const [modal, setModal] = useState<'member' | 'agency' | 'task' | null>(null);
  const move = useMutation({
    mutationFn: (input: { task: TaskDto; status: TaskStatus }) =>
      programsApi.setTaskStatus(input.task.id, { status: input.status, version: input.task.version }),
    onSuccess: () => {
      void message.success(t('programs.task.updated'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: showError,
  });
  if (group.isPending) return <Skeleton active />;
  if (group.error) return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  const g = group.data;
  const manage = g.abilities.manage;

  return (
    <>
      <Link to="/programs?tab=groups">
        <ArrowLeftOutlined /> {t('programs.groups.back')}
      </Link>
      <PageHeader title={g.name} />
      <Card size="small">
        <Descriptions column={3} size="small" data-testid="group-info">
          <Descriptions.Item label={t('programs.group.region')}>{g.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('programs.group.office')}>{g.officeName}</Descriptions.Item>
          <Descriptions.Item label={t('programs.group.director')}>{g.officeDirector}</Descriptions.Item>
          {g.programName && <Descriptions.Item label={t('programs.col.program')}>{g.programName}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={t('programs.group.members')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          manage && (
            <Button size="small" onClick={() => setModal('member')}>
              {t('programs.member.add')}
            </Button>
          )
        }
      >
        <Table<GroupMemberDto>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={g.members}
          data-testid="group-members"
          columns={[
            {
              title: t('programs.member.role'),
              width: 100,
              render: (_, m) => (
                <Tag color={m.role === 'leader' ? 'red' : m.role === 'deputy' ? 'orange' : 'default'}>
                  {t(`programs.member.role.${m.role}`)}
                </Tag>
              ),
            },
            { title: t('programs.member.name'), dataIndex: 'personName', width: 160 },
            { title: t('programs.member.position'), dataIndex: 'position' },
          ]}
        />
      </Card>
      <Card
        title={t('programs.group.agencies')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          manage && (
            <Button size="small" onClick={() => setModal('agency')}>
              {t('programs.agency.add')}
            </Button>
          )
        }
      >
        <Table<AgencyDto>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={g.agencies}
          data-testid="group-agencies"
          columns={[
            {
              title: t('programs.agency.role'),
              width: 100,
              render: (_, a) => (
                <Tag color={a.role === 'lead' ? 'blue' : a.role === 'standing' ? 'cyan' : 'default'}>
                  {t(`programs.agency.role.${a.role}`)}
                </Tag>
              ),
            },
            { title: t('programs.agency.name'), dataIndex: 'name', width: 200 },
            { title: t('programs.agency.duties'), dataIndex: 'duties' },
          ]}
        />
      </Card>
      <Card
        title={t('programs.group.tasks')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          manage && (
            <Button size="small" type="primary" onClick={() => setModal('task')}>
              {t('programs.task.add')}
            </Button>
          )
        }
      >
        <Table<TaskDto>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={g.tasks}
          data-testid="group-tasks"
          columns={[
            { title: t('programs.task.title'), dataIndex: 'title' },
            {
              title: t('programs.task.agency'),
              render: (_, task) => [task.agencyName, task.assigneeName].filter(Boolean).join(' / ') || '—',
              width: 200,
            },
            { title: t('programs.task.due'), dataIndex: 'dueDate', width: 110 },
            {
              title: t('programs.task.status'),
              width: 160,
              render: (_, task) => (
                <Space size={4}>
                  <Tag color={STATUS_COLOR[task.status]}>{t(`programs.task.status.${task.status}`)}</Tag>
                  {task.overdue && <Tag color="red">{t('programs.task.overdue')}</Tag>}
                </Space>
              ),
            },
            ...(manage
              ? [
                  {
                    title: t('programs.col.actions'),
                    width: 150,
                    render: (_: unknown, task: TaskDto) => (
                      <Space size={0}>
                        {task.moves.includes('in_progress') && (
                          <Button type="link" size="small" onClick={() => move.mutate({ task, status: 'in_progress' })}>
                            {t('programs.task.start')}
                          </Button>
                        )}
                        {task.moves.includes('done') && (
                          <Button type="link" size="small" onClick={() => move.mutate({ task, status: 'done' })}>
                            {t('programs.task.finish')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <MemberModal groupId={g.id} open={modal === 'member'} onClose={() => setModal(null)} />
      <AgencyModal groupId={g.id} open={modal === 'agency'} onClose={() => setModal(null)} />
      <TaskModal groupId={g.id} agencies={g.agencies} open={modal === 'task'} onClose={() => setModal(null)} />
    </>
  );
}
