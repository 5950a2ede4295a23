import { Form, InputNumber, Switch } from 'antd';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
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
  const save = useFormSubmit({
    fields: FIELDS,
    mutationFn: (values: Values) =>
      regionsApi.updateAttributes(village.code, {
        isPoor: values.isPoor,
        population: values.population ?? null,
        households: values.households ?? null,
      }),
    successMessage: t('common.saved'),
    invalidate: regionKeys.all,
    onSuccess: onClose,
  });

  return (
    <FormModal title={`${t('regions.editAttributes')} · ${village.name}`} open={open} onClose={onClose} save={save}>
      <Form<Values>
        form={save.form}
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
    </FormModal>
  );
}
