import { Button, Empty, Form, Input, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { GroupSummaryDto } from '@rg/domain/programs/organization.schema';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { programKeys, programsApi } from '../api.ts';

export function groupPath(id: string): string {
  return `/programs/groups/${id}`;
}

interface GroupValues {
  regionCode: string;
  name: string;
  officeName: string;
  officeDirector: string;
}

function GroupCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['regionCode', 'name', 'officeName', 'officeDirector'],
    mutationFn: (values: GroupValues) => programsApi.createGroup(values),
    successMessage: t('programs.groups.created'),
    invalidate: programKeys.all,
    onSuccess: (group) => void navigate(groupPath(group.id)),
  });
  return (
    <FormModal title={t('programs.groups.create')} open={open} onClose={onClose} save={save} testId="group-create-modal">
      <Form<GroupValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        style={{ marginTop: 16 }}
        initialValues={{ regionCode: session.scope.code }}
      >
        <Form.Item name="regionCode" label={t('programs.group.region')} rules={required}>
          <RegionPicker initialLabel={session.scope.name} />
        </Form.Item>
        <Form.Item name="name" label={t('programs.group.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="officeName" label={t('programs.group.office')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="officeDirector" label={t('programs.group.director')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 领导小组 of the regions in the actor's scope, with their open and overdue task counts. */
export function GroupList() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: programKeys.groups(), queryFn: programsApi.groups });
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {list.data?.abilities.create && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('programs.groups.create')}
        </Button>
      )}
      <Table<GroupSummaryDto>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="group-list"
        locale={{ emptyText: <Empty description={t('programs.groups.empty')} /> }}
        columns={[
          { title: t('programs.group.name'), render: (_, g) => <Link to={groupPath(g.id)}>{g.name}</Link> },
          { title: t('programs.group.region'), dataIndex: 'regionName', width: 120 },
          { title: t('programs.group.office'), dataIndex: 'officeName', width: 140 },
          { title: t('programs.group.director'), dataIndex: 'officeDirector', width: 140 },
          { title: t('programs.group.openTasks'), dataIndex: 'openTasks', width: 100 },
          {
            title: t('programs.group.overdueTasks'),
            width: 100,
            render: (_, g) => (g.overdueTasks > 0 ? <Tag color="red">{g.overdueTasks}</Tag> : 0),
          },
        ]}
      />
      <GroupCreateModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
