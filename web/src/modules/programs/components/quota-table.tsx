import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, InputNumber, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgramDetailDto, QuotaDto } from '@rg/domain/programs/program.schema';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';

interface QuotaValues {
  items: { regionCode: string; maxUnits: number; suggested?: number | null }[];
}

/** 编辑名额: the whole table at once (regions at the programme's quota level, inside the organiser's). */
function QuotaEditModal({ program, open, onClose }: { program: ProgramDetailDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: [],
    mutationFn: (values: QuotaValues) =>
      programsApi.putQuotas(
        program.id,
        (values.items ?? []).map((q) => ({ regionCode: q.regionCode, maxUnits: q.maxUnits, suggested: q.suggested ?? null })),
      ),
    successMessage: t('programs.quota.saved'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.quota.edit')} open={open} onClose={onClose} save={save} width={640} testId="quota-modal">
      <Form<QuotaValues>
        form={save.form}
        layout="vertical"
        preserve={false}
        style={{ marginTop: 16 }}
        initialValues={{ items: program.quotas.map((q) => ({ regionCode: q.regionCode, maxUnits: q.maxUnits, suggested: q.suggested })) }}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'regionCode']} rules={required} style={{ width: 260, marginBottom: 8 }}>
                    <RegionPicker initialLabel={program.quotas[field.name]?.regionName} placeholder={t('programs.quota.region')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'suggested']} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} placeholder={t('programs.quota.suggested')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxUnits']} rules={required} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} placeholder={t('programs.quota.max')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ maxUnits: 5 })}>
                {t('programs.quota.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

/** 名额: per region, the cap, the suggested figure and how many units it has forwarded. */
export function QuotaTable({ program }: { program: ProgramDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const showError = useErrorToast();
  const upload = useMutation({
    mutationFn: (file: File) => programsApi.importQuotas(program.id, file),
    onSuccess: (result) => {
      void message.success(t('programs.quota.imported'));
      if (result.skipped.length > 0)
        void message.warning(t('programs.quota.skipped', { codes: result.skipped.join(t('common.listSeparator')) }));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: showError,
  });
  return (
    <>
      {program.abilities.manage && program.quotaLevel && (
        <Space style={{ marginBottom: 12 }}>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('programs.quota.import')}
            </Button>
          </Upload>
          <Button onClick={() => setEditing(true)}>{t('programs.quota.edit')}</Button>
        </Space>
      )}
      <Table<QuotaDto>
        size="small"
        rowKey="regionCode"
        dataSource={program.quotas}
        pagination={false}
        data-testid="quota-table"
        locale={{ emptyText: <Empty description={t('programs.quota.empty')} /> }}
        columns={[
          { title: t('programs.quota.region'), dataIndex: 'regionName' },
          { title: t('programs.quota.suggested'), dataIndex: 'suggested', render: (v: number | null) => v ?? '—' },
          { title: t('programs.quota.max'), dataIndex: 'maxUnits' },
          { title: t('programs.quota.used'), dataIndex: 'used' },
        ]}
      />
      <QuotaEditModal program={program} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
