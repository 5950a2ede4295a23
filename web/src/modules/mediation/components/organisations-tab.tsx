import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { CommitteeDto, CommitteeListDto, MediatorDto, MediatorListDto } from '@rg/domain/mediation/committee.schema';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList } from '../../../app/lists/use-paged-list.ts';
import { mediationApi, mediationKeys } from '../api.ts';
import { useMediationLabels } from '../labels.ts';
import { SettingsCard } from './settings-card.tsx';
import { CommitteeModal } from './committee-modal.tsx';
import { MediatorDrawer } from './mediator-drawer.tsx';
import { MediatorModal } from './mediator-modal.tsx';

/** 调解组织: committees of every level in the scope, and their mediators (专职/兼职, training, status). */
export function OrganisationsTab() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const [modal, setModal] = useState<'committee' | 'mediator' | null>(null);
  const [editing, setEditing] = useState<CommitteeDto | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const committees = usePagedList<
    { q?: string },
    { q?: string; page: number; pageSize: number },
    CommitteeDto,
    Pick<CommitteeListDto, 'abilities'>
  >({
    toQuery: (f, p) => ({ ...f, ...p }),
    queryKey: mediationKeys.committees,
    queryFn: mediationApi.committees,
  });
  const mediators = usePagedList<
    { q?: string; employment?: string },
    { q?: string; employment?: string; page: number; pageSize: number },
    MediatorDto,
    Pick<MediatorListDto, 'abilities'>
  >({
    toQuery: (f, p) => ({ ...f, ...p }),
    queryKey: mediationKeys.mediators,
    queryFn: mediationApi.mediators,
  });
  const committeeColumns: TableColumnsType<CommitteeDto> = [
    { title: t('mediation.committee.name'), dataIndex: 'name', ellipsis: true },
    {
      title: t('mediation.committee.level'),
      dataIndex: 'level',
      width: 200,
      render: (_v, c) =>
        c.field
          ? t('mediation.committee.levelWithField', { level: labels.committeeLevel[c.level], field: c.field })
          : labels.committeeLevel[c.level],
    },
    { title: t('mediation.committee.region'), dataIndex: ['region', 'path'], width: 200, ellipsis: true },
    { title: t('mediation.committee.mediators'), dataIndex: 'mediators', width: 100 },
    { title: t('mediation.committee.fullTime'), dataIndex: 'fullTime', width: 90 },
    {
      title: t('mediation.committee.status'),
      dataIndex: 'status',
      width: 80,
      render: (_v, c) => (c.status === 'active' ? t('mediation.committee.active') : <Tag>{t('mediation.committee.dissolved')}</Tag>),
    },
    ...(committees.answer?.abilities.create
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_v: unknown, c: CommitteeDto) =>
              c.abilities.update && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(c)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const mediatorColumns: TableColumnsType<MediatorDto> = [
    {
      title: t('mediation.mediator.name'),
      dataIndex: 'name',
      width: 100,
      render: (_v, m) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(m.id)}>
          {m.name}
        </Button>
      ),
    },
    { title: t('mediation.case.committee'), dataIndex: 'committeeName', ellipsis: true },
    {
      title: t('mediation.mediator.employment'),
      dataIndex: 'employment',
      width: 80,
      render: (_v, m) =>
        m.employment === 'full_time' ? (
          <Tag color="blue">{t('mediation.mediator.fullTime')}</Tag>
        ) : (
          <Tag>{t('mediation.mediator.partTime')}</Tag>
        ),
    },
    { title: t('mediation.mediator.phone'), dataIndex: 'phone', width: 130 },
    { title: t('mediation.mediator.training'), dataIndex: 'trainingHours', width: 90 },
    { title: t('mediation.mediator.status'), dataIndex: 'status', width: 80, render: (_v, m) => t(`mediation.mediator.${m.status}`) },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('mediation.tab.organisations')}
        </Typography.Title>
        {committees.answer?.abilities.create && (
          <Button icon={<PlusOutlined />} onClick={() => setModal('committee')}>
            {t('mediation.committee.add')}
          </Button>
        )}
      </Flex>
      <Input.Search
        allowClear
        placeholder={t('mediation.committee.name')}
        style={{ width: 220 }}
        onSearch={(q) => committees.setFilters({ q: q || undefined })}
      />
      <PagedTable<CommitteeDto>
        rowKey="id"
        columns={committeeColumns}
        paged={committees.paged}
        emptyText={t('mediation.committee.empty')}
        data-testid="committees-table"
      />
      <Flex justify="space-between" align="center">
        <Space>
          <Input.Search
            allowClear
            placeholder={t('mediation.mediator.name')}
            style={{ width: 180 }}
            onSearch={(q) => mediators.setFilters({ ...mediators.filters, q: q || undefined })}
          />
          <Select
            allowClear
            placeholder={t('mediation.mediator.employment')}
            style={{ width: 110 }}
            options={[
              { value: 'full_time', label: t('mediation.mediator.fullTime') },
              { value: 'part_time', label: t('mediation.mediator.partTime') },
            ]}
            onChange={(employment) => mediators.setFilters({ ...mediators.filters, employment })}
          />
        </Space>
        {mediators.answer?.abilities.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('mediator')}>
            {t('mediation.mediator.add')}
          </Button>
        )}
      </Flex>
      <ErrorAlert message={mediators.errorMessage} />
      <PagedTable<MediatorDto>
        rowKey="id"
        columns={mediatorColumns}
        paged={mediators.paged}
        emptyText={t('mediation.mediator.empty')}
        data-testid="mediators-table"
      />
      {modal === 'committee' && <CommitteeModal committee={null} onClose={() => setModal(null)} />}
      {editing && <CommitteeModal key={editing.id} committee={editing} onClose={() => setEditing(null)} />}
      {modal === 'mediator' && <MediatorModal onClose={() => setModal(null)} />}
      <MediatorDrawer id={openId} onClose={() => setOpenId(null)} />
      {committees.answer?.abilities.configure && <SettingsCard />}
    </Space>
  );
}
