import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, InputNumber, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Criterion } from '@rg/domain/programs/evaluation.schema';
import { useState } from 'react';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';

interface TemplateValues {
  criteria: { name: string; weight: number }[];
  passMark: number;
}

/** 评分模板 of a programme: the organiser sets criteria, weights and the pass mark; inspectors score by it. */
export function TemplateCard({ programId, manage }: { programId: string; manage: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const template = useQuery({ queryKey: programKeys.template(programId), queryFn: () => programsApi.template(programId) });
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['passMark'],
    mutationFn: (values: TemplateValues) => programsApi.putTemplate(programId, values),
    successMessage: t('programs.template.saved'),
    invalidate: programKeys.all,
    onSuccess: () => setEditing(false),
  });
  const data = template.data;
  return (
    <Card
      title={t('programs.eval.template')}
      size="small"
      style={{ marginTop: 16 }}
      extra={
        manage && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('programs.template.edit')}
          </Button>
        )
      }
    >
      {data ? (
        <Table<Criterion>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={data.criteria}
          data-testid="template-table"
          footer={() => t('programs.eval.passMark', { mark: data.passMark })}
          columns={[
            { title: t('programs.eval.criterion'), dataIndex: 'name' },
            { title: t('programs.eval.weight'), dataIndex: 'weight', width: 80 },
          ]}
        />
      ) : (
        <Empty description={t('programs.eval.noTemplate')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <FormModal
        title={t('programs.template.edit')}
        open={editing}
        onClose={() => setEditing(false)}
        save={save}
        width={560}
        testId="template-modal"
      >
        <Form<TemplateValues>
          form={save.form}
          layout="vertical"
          preserve={false}
          style={{ marginTop: 16 }}
          initialValues={
            data
              ? { criteria: data.criteria.map((c) => ({ name: c.name, weight: c.weight })), passMark: data.passMark }
              : { criteria: [{ name: '', weight: 10 }], passMark: 80 }
          }
        >
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']} rules={required}>
                      <Input placeholder={t('programs.eval.criterion')} style={{ width: 300 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} rules={required}>
                      <InputNumber min={1} max={100} placeholder={t('programs.eval.weight')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', weight: 10 })} icon={<PlusOutlined />}>
                  {t('programs.template.addCriterion')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="passMark" label={t('programs.template.passMark')} rules={required} style={{ marginTop: 16 }}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
