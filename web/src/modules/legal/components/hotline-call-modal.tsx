import { SERVICE_TYPES, type ServiceDetailDto } from '@rg/domain/legal/service.schema';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../app/api/api-client.ts';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalKeys } from '../api.ts';

interface CallValues {
  villageCode: string;
  servedAt: Dayjs;
  serviceType: (typeof SERVICE_TYPES)[number];
  subjectName: string;
  content: string;
  result: string;
  durationMinutes: number;
}

/**
 * 热线登记 (P1.4(1) 热线窗口): the hotline operator logs a call from a villager; it becomes a ledger
 * entry of the village's current advisor with window 热线, so nothing is typed twice.
 */
export function HotlineCallModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const save = useFormSubmit<CallValues, ServiceDetailDto>({
    fields: ['villageCode', 'servedAt', 'serviceType', 'subjectName', 'content', 'result', 'durationMinutes'],
    mutationFn: (v) =>
      api.post<ServiceDetailDto>('/api/legal/services', {
        ...v,
        window: 'hotline',
        subjectKind: 'person',
        servedAt: v.servedAt.toISOString(),
      }),
    successMessage: t('legal.hotline.saved'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });
  const required = (key: string) => [{ required: true, whitespace: true, message: tKey(key) }];
  return (
    <FormModal
      title={t('legal.hotline.title')}
      open={open}
      onClose={onClose}
      save={save}
      width={620}
      testId="hotline-call-modal"
      intro={<p style={{ color: '#8c8c8c' }}>{t('legal.hotline.intro')}</p>}
    >
      <Form<CallValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={{ servedAt: dayjs(), serviceType: 'consultation', durationMinutes: 10 }}
      >
        <Form.Item name="villageCode" label={t('legal.hotline.village')} rules={[{ required: true, message: t('legal.hotline.village') }]}>
          <RegionPicker browse maxLevel="village" placeholder={t('legal.assignment.villagePlaceholder')} testId="hotline-village-picker" />
        </Form.Item>
        <Form.Item name="servedAt" label={t('legal.m.form.servedAt')} rules={[{ required: true, message: t('legal.m.form.servedAt') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="subjectName" label={t('legal.hotline.caller')} rules={required('legal.service.subjectName.required')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="serviceType" label={t('legal.m.form.type')}>
          <Select options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`legal.serviceType.${s}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('legal.hotline.question')} rules={required('legal.service.content.required')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="result" label={t('legal.hotline.answer')} rules={required('legal.service.result.required')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('legal.m.form.duration')}>
          <InputNumber min={1} max={1440} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
