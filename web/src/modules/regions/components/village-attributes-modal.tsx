import { Alert, App, Form, InputNumber, Modal, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { useServerErrors } from '../../../app/forms/use-server-errors.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';

interface Values {
  isPoor: boolean;
  population: number | null;
  households: number | null;
}

const FIELDS = ['isPoor', 'population', 'households'] as const;

export function VillageAttributesModal({ village, open, onClose }: { village: RegionDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const serverErrors = useServerErrors(form, FIELDS);
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      regionsApi.updateAttributes(village.code, {
        isPoor: values.isPoor,
        population: values.population ?? null,
        households: values.households ?? null,
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
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
      title={`${t('regions.editAttributes')} · ${village.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {serverErrors.message && <Alert type="error" showIcon title={serverErrors.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ isPoor: village.isPoor, population: village.population, households: village.households }}
      >
        <Form.Item name="isPoor" label={t('regions.poor')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item name="population" label={t('regions.population')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="households" label={t('regions.households')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
