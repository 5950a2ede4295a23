import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { NormCreate, NormPeriod, ServiceType, ServiceWindow } from '@rg/domain/legal/service.schema';
import { NORM_PERIODS } from '@rg/domain/legal/service.schema';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalKeys } from '../api.ts';
import { legalReportsApi } from '../api.reports.ts';
import { typeOptions, windowOptions } from './ledger-labels.tsx';

type Scope = 'any' | 'window' | 'type';

interface NormValues {
  regionCode: string;
  name: string;
  scope: Scope;
  window?: ServiceWindow;
  serviceType?: ServiceType;
  period: NormPeriod;
  minCount: number;
}

/** A norm counts one window, one type, or any service: never both a window and a type. */
function toInput(values: NormValues): NormCreate {
  return {
    regionCode: values.regionCode,
    name: values.name.trim(),
    window: values.scope === 'window' ? (values.window ?? null) : null,
    serviceType: values.scope === 'type' ? (values.serviceType ?? null) : null,
    period: values.period,
    minCount: values.minCount,
  };
}

/** 新增规范: at least `minCount` services per village and period, set for a county or a town. */
export function NormCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const save = useFormSubmit({
    fields: ['regionCode', 'name', 'window', 'serviceType', 'period', 'minCount'],
    mutationFn: (values: NormValues) => legalReportsApi.createNorm(toInput(values)),
    successMessage: t('legal.norm.created'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });
  const scope = Form.useWatch('scope', save.form);

  return (
    <FormModal title={t('legal.norm.create')} open={open} onClose={onClose} save={save} width={600} testId="norm-create-modal">
      <Form<NormValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        style={{ marginTop: 16 }}
        initialValues={{ regionCode: session.scope.code, scope: 'any', period: 'month', minCount: 1 }}
      >
        <Form.Item name="regionCode" label={t('legal.norm.region')} rules={[{ required: true, message: t('legal.norm.regionRequired') }]}>
          <RegionPicker
            browse
            maxLevel="town"
            initialLabel={session.scope.name}
            placeholder={t('legal.norm.regionPlaceholder')}
            testId="norm-region-picker"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('legal.norm.name')}
          rules={[{ required: true, whitespace: true, message: t('legal.norm.nameRequired') }]}
        >
          <Input maxLength={60} placeholder={t('legal.norm.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="scope" label={t('legal.norm.scope')}>
          <Radio.Group
            options={[
              { value: 'any', label: t('legal.norm.scopeAny') },
              { value: 'window', label: t('legal.norm.scopeWindow') },
              { value: 'type', label: t('legal.norm.scopeType') },
            ]}
          />
        </Form.Item>
        {scope === 'window' && (
          <Form.Item name="window" label={t('legal.ledger.window')} rules={[{ required: true, message: t('legal.norm.windowRequired') }]}>
            <Select<ServiceWindow> options={windowOptions(t)} placeholder={t('legal.norm.windowRequired')} />
          </Form.Item>
        )}
        {scope === 'type' && (
          <Form.Item name="serviceType" label={t('legal.ledger.type')} rules={[{ required: true, message: t('legal.norm.typeRequired') }]}>
            <Select<ServiceType> options={typeOptions(t)} placeholder={t('legal.norm.typeRequired')} />
          </Form.Item>
        )}
        <Form.Item name="period" label={t('legal.norm.period')} rules={[{ required: true, message: t('legal.norm.periodRequired') }]}>
          <Radio.Group options={NORM_PERIODS.map((value) => ({ value, label: t(`legal.norm.period.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="minCount"
          label={t('legal.norm.minCount')}
          rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('legal.norm.minCountRequired') }]}
        >
          <InputNumber min={1} max={100} precision={0} suffix={t('legal.norm.timesUnit')} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
