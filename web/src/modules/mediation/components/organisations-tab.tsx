import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CommitteeDto, MediatorDto } from '@rg/domain/mediation/committee.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList } from '../../../app/lists/use-paged-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { MaskedValue } from './masked-value.tsx';
import { SettingsCard } from './settings-card.tsx';

interface CommitteeValues {
  regionCode: string;
  level: string;
  name: string;
  field?: string;
  establishedOn?: Dayjs | null;
  status?: string;
}

/** 新增 or 修改 a committee: place and level are fixed once it exists; a committee is dissolved, never deleted. */
function CommitteeModal({ committee, onClose }: { committee: CommitteeDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const save = useFormSubmit<CommitteeValues, CommitteeDto>({
    fields: ['regionCode', 'level', 'name', 'field', 'establishedOn', 'status'],
    mutationFn: (v) => {
      const common = {
        name: v.name,
        field: v.field?.trim() || null,
        establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
      };
      return committee
        ? mediationApi.updateCommittee(committee.id, { version: committee.version, ...common, status: v.status })
        : mediationApi.createCommittee({ regionCode: v.regionCode, level: v.level, ...common });
    },
    successMessage: t(committee ? 'mediation.case.saved' : 'mediation.committee.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  const level = Form.useWatch('level', save.form);
  const initialValues: Partial<CommitteeValues> = committee
    ? {
        regionCode: committee.region.code,
        level: committee.level,
        name: committee.name,
        field: committee.field ?? undefined,
        establishedOn: committee.establishedOn ? dayjs(committee.establishedOn) : null,
        status: committee.status,
      }
    : { regionCode: session.scope.code, level: 'village' };
  return (
    <FormModal title={t(committee ? 'mediation.committee.edit' : 'mediation.committee.add')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={initialValues}>
        <Form.Item name="regionCode" label={t('mediation.committee.region')} rules={[{ required: true }]}>
          <RegionPicker initialLabel={committee?.region.path ?? session.scope.name} disabled={committee !== null} />
        </Form.Item>
        <Form.Item name="level" label={t('mediation.committee.level')}>
          <Select options={optionsOf(labels.committeeLevel)} disabled={committee !== null} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('mediation.committee.name')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.committee.name') }) }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {level === 'specialised' && (
          <Form.Item
            name="field"
            label={t('mediation.committee.field')}
            rules={[{ required: true, message: t('form.fill', { label: t('mediation.committee.field') }) }]}
          >
            <Input placeholder={t('mediation.committee.fieldPlaceholder')} maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="establishedOn" label={t('mediation.committee.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {committee && (
          <Form.Item name="status" label={t('mediation.committee.status')} extra={t('mediation.committee.dissolvedHint')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('mediation.committee.active') },
                { value: 'dissolved', label: t('mediation.committee.dissolved') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

function MediatorModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const committees = useQuery({
    queryKey: mediationKeys.committees({ q, pageSize: 50 }),
    queryFn: () => mediationApi.committees({ q: q || undefined, page: 1, pageSize: 50 }),
  });
  const save = useFormSubmit<
    { committeeId: string; name: string; gender: string; phone: string; idNumber?: string; employment: string },
    MediatorDto
  >({
    fields: ['committeeId', 'name', 'gender', 'phone', 'idNumber', 'employment'],
    mutationFn: (v) => mediationApi.createMediator({ ...v, idNumber: v.idNumber?.trim() || null }),
    successMessage: t('mediation.mediator.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.mediator.add')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ gender: 'male', employment: 'full_time' }}>
        <Form.Item
          name="committeeId"
          label={t('mediation.case.committee')}
          rules={[{ required: true, message: t('form.select', { label: t('mediation.case.committee') }) }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={committees.isFetching}
            options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('mediation.mediator.name')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.name') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="gender" label={t('mediation.mediator.gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('mediation.mediator.male') },
              { value: 'female', label: t('mediation.mediator.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('mediation.mediator.phone')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.phone') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t('mediation.mediator.idNumber')}>
          <Input />
        </Form.Item>
        <Form.Item name="employment" label={t('mediation.mediator.employment')}>
          <Radio.Group
            options={[
              { value: 'full_time', label: t('mediation.mediator.fullTime') },
              { value: 'part_time', label: t('mediation.mediator.partTime') },
            ]}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function TrainingModal({ mediatorId, onClose }: { mediatorId: string; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const save = useFormSubmit<{ trainedOn: Dayjs; title: string; hours: number; organiser?: string }, unknown>({
    fields: ['trainedOn', 'title', 'hours', 'organiser'],
    mutationFn: (v) =>
      mediationApi.addTraining(mediatorId, {
        trainedOn: v.trainedOn.format('YYYY-MM-DD'),
        title: v.title,
        hours: v.hours,
        organiser: v.organiser?.trim() || null,
      }),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.mediator.addTraining')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ hours: 4 }}>
        <Form.Item name="trainedOn" label={t('mediation.mediator.trainedOn')} rules={[{ required: true, message: t('form.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('mediation.mediator.trainingTitle')}
          rules={[{ required: true, message: tKey('mediation.training.title.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('mediation.mediator.hours')}>
          <InputNumber min={0.5} max={200} step={0.5} />
        </Form.Item>
        <Form.Item name="organiser" label={t('mediation.mediator.trainingOrganiser')}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 专兼职 and 状态 of one mediator (the staffing rule counts active full-time ones); sent with the version. */
function MediatorStatusForm({ mediator }: { mediator: MediatorDto }) {
  const { t } = useI18n();
  const save = useFormSubmit<{ employment: string; status: string }, MediatorDto>({
    fields: ['employment', 'status'],
    mutationFn: (v) =>
      mediationApi.updateMediator(mediator.id, {
        version: mediator.version,
        ...(v.employment !== mediator.employment ? { employment: v.employment } : {}),
        ...(v.status !== mediator.status ? { status: v.status } : {}),
      }),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: () => undefined,
  });
  return (
    <>
      <ErrorAlert message={save.errorMessage} />
      <Form
        form={save.form}
        layout="inline"
        initialValues={{ employment: mediator.employment, status: mediator.status }}
        data-testid="mediator-status-form"
      >
        <Form.Item name="employment" label={t('mediation.mediator.employment')}>
          <Radio.Group
            options={[
              { value: 'full_time', label: t('mediation.mediator.fullTime') },
              { value: 'part_time', label: t('mediation.mediator.partTime') },
            ]}
          />
        </Form.Item>
        <Form.Item name="status" label={t('mediation.mediator.status')}>
          <Select
            style={{ width: 90 }}
            options={(['active', 'suspended', 'left'] as const).map((s) => ({ value: s, label: t(`mediation.mediator.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={save.pending} onClick={() => void save.submit()}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function MediatorDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [training, setTraining] = useState(false);
  const detail = useQuery({
    queryKey: mediationKeys.mediator(id ?? ''),
    queryFn: () => mediationApi.mediator(id ?? ''),
    enabled: id !== null,
  });
  const m = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={m ? t('mediation.mediator.drawerTitle', { name: m.name, committee: m.committeeName }) : ''}
      data-testid="mediator-drawer"
    >
      {m && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {t('mediation.mediator.phone')}
            {t('common.colon')}
            <MaskedValue
              masked={m.phone}
              canReveal={m.abilities.reveal}
              label={t('mediation.mediator.phone')}
              reveal={() => mediationApi.revealMediator(m.id, 'phone')}
            />
          </Typography.Text>
          {m.abilities.update && <MediatorStatusForm key={m.version} mediator={m} />}
          <Typography.Text>
            {t('mediation.mediator.idNumber')}
            {t('common.colon')}
            <MaskedValue
              masked={m.idNumber}
              canReveal={m.abilities.reveal}
              label={t('mediation.mediator.idNumber')}
              reveal={() => mediationApi.revealMediator(m.id, 'idNumber')}
            />
          </Typography.Text>
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('mediation.mediator.training')}
              {t('common.colon')}
              {m.trainingHours}
            </Typography.Title>
            {m.abilities.update && <Button onClick={() => setTraining(true)}>{t('mediation.mediator.addTraining')}</Button>}
          </Flex>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={m.trainings}
            columns={[
              { title: t('mediation.mediator.trainedOn'), dataIndex: 'trainedOn' },
              { title: t('mediation.mediator.trainingTitle'), dataIndex: 'title' },
              { title: t('mediation.mediator.hours'), dataIndex: 'hours' },
            ]}
          />
          {training && <TrainingModal mediatorId={m.id} onClose={() => setTraining(false)} />}
        </Space>
      )}
    </Drawer>
  );
}

/** 调解组织: committees of every level in the scope, and their mediators (专职/兼职, training, status). */
export function OrganisationsTab() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const canManage = session.permissions.includes('mediation.manage');
  const [modal, setModal] = useState<'committee' | 'mediator' | null>(null);
  const [editing, setEditing] = useState<CommitteeDto | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const committees = usePagedList<{ q?: string }, { q?: string; page: number; pageSize: number }, CommitteeDto>({
    toQuery: (f, p) => ({ ...f, ...p }),
    queryKey: mediationKeys.committees,
    queryFn: mediationApi.committees,
  });
  const mediators = usePagedList<
    { q?: string; employment?: string },
    { q?: string; employment?: string; page: number; pageSize: number },
    MediatorDto
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
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_v: unknown, c: CommitteeDto) => (
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
        {canManage && (
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
        {canManage && (
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
      {canManage && <SettingsCard />}
    </Space>
  );
}
