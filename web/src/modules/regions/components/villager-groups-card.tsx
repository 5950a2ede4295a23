import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';
import { RegionChildrenTable } from './region-children-table.tsx';

interface Values {
  name: string;
}

const FIELDS = ['name'] as const;

function AddGroupModal({ village, open, onClose }: { village: RegionDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: FIELDS,
    mutationFn: (values: Values) => regionsApi.createGroup(village.code, values.name.trim()),
    successMessage: t('regions.groupCreated'),
    invalidate: regionKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('regions.addGroup')} open={open} onClose={onClose} save={save}>
      <Form<Values> form={save.form} layout="vertical" preserve={false} onFinish={() => void save.submit()}>
        <Form.Item name="name" label={t('regions.groupName')} rules={[{ required: true, whitespace: true, max: 30 }]}>
          <Input placeholder={t('regions.groupNamePlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </FormModal>
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
