import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useServerErrors } from '../../../app/forms/use-server-errors.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';
import { RegionChildrenTable } from './region-children-table.tsx';

interface Values {
  name: string;
}

const FIELDS = ['name'] as const;

function AddGroupModal({ village, open, onClose }: { village: RegionDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const serverErrors = useServerErrors(form, FIELDS);
  const mutation = useMutation({
    mutationFn: (values: Values) => regionsApi.createGroup(village.code, values.name.trim()),
    onSuccess: () => {
      void message.success(t('regions.groupCreated'));
      void queryClient.invalidateQueries({ queryKey: regionKeys.all });
      onClose();
    },
    onError: serverErrors.apply,
  });
  const submit = async () => {
    serverErrors.clear();
    const values = await form.validateFields().catch(() => null);
    if (values) mutation.mutate(values);
  };
  return (
    <Modal
      title={t('regions.addGroup')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {serverErrors.message && <Alert type="error" showIcon title={serverErrors.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
        <Form.Item name="name" label={t('regions.groupName')} rules={[{ required: true, whitespace: true, max: 30 }]}>
          <Input placeholder="第一村民小组" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 村民小组 of a village: created locally, numbered by the server (code = village code + 3 digits). */
export function VillagerGroupsCard({ village }: { village: RegionDto }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('regions.groups')}
      data-testid="villager-groups"
      extra={
        can('region.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('regions.addGroup')}
          </Button>
        )
      }
    >
      <RegionChildrenTable key={village.code} parent={village} emptyText={t('regions.noGroups')} />
      <AddGroupModal village={village} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
