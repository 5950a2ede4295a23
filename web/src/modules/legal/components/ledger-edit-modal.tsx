import { SERVICE_TYPES, SUBJECT_KINDS, type ServiceDetailDto } from '@rg/domain/legal/service.schema';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { legalKeys } from '../api.ts';
import { updateService, type ServiceFields } from '../api.mobile.ts';

/** The record's fields, with the time as the picker's value until it is sent. */
interface EditValues extends Omit<ServiceFields, 'servedAt'> {
  servedAt: Dayjs;
  reason?: string;
}

/**
 * 修改 a ledger entry from the console (the justice office correcting a record on an advisor's
 * behalf, or an advisor at a desk). The village, window and advisor never change; the edit becomes a
 * new version with its reason, and a returned record goes back to review.
 */
export function LedgerEditModal({ service, onClose }: { service: ServiceDetailDto; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const save = useFormSubmit<EditValues, ServiceDetailDto>({
    fields: ['servedAt', 'serviceType', 'subjectKind', 'subjectName', 'content', 'result', 'durationMinutes', 'attendance', 'reason'],
    mutationFn: ({ servedAt, reason, ...fields }) =>
      updateService(service.id, {
        ...fields,
        servedAt: servedAt.toISOString(),
        version: service.version,
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      }),
    successMessage: t('legal.ledger.edited'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });
  const type = Form.useWatch('serviceType', save.form);
  const subjectKind = Form.useWatch('subjectKind', save.form);
  const required = (key: string) => [{ required: true, whitespace: true, message: tKey(key) }];
  const initialValues: EditValues = {
    servedAt: dayjs(service.servedAt),
    serviceType: service.serviceType,
    subjectKind: service.subjectKind,
    subjectName: service.subjectName,
    content: service.content,
    result: service.result,
    durationMinutes: service.durationMinutes,
    attendance: service.attendance,
  };
  return (
    <FormModal
      title={t('legal.ledger.editTitle')}
      open
      onClose={onClose}
      save={save}
      width={640}
      testId="ledger-edit-modal"
      intro={<p style={{ color: '#8c8c8c' }}>{t('legal.ledger.editIntro')}</p>}
    >
      <Form<EditValues> form={save.form} {...MODAL_FORM_LAYOUT} initialValues={initialValues}>
        <Form.Item label={t('legal.ledger.village')}>
          {t('legal.ledger.editContext', {
            village: service.villagePath,
            window: t(`legal.window.${service.window}`),
            advisor: service.advisorName,
          })}
        </Form.Item>
        <Form.Item name="servedAt" label={t('legal.m.form.servedAt')} rules={[{ required: true, message: t('legal.m.form.servedAt') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="serviceType" label={t('legal.m.form.type')}>
          <Select options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`legal.serviceType.${s}`) }))} />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('legal.m.form.subjectKind')}>
          <Radio.Group options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`legal.subjectKind.${k}`) }))} />
        </Form.Item>
        {subjectKind !== 'village' && (
          <Form.Item name="subjectName" label={t('legal.m.form.subjectName')} rules={required('legal.service.subjectName.required')}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.Item name="content" label={t('legal.m.form.content')} rules={required('legal.service.content.required')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="result" label={t('legal.m.form.result')} rules={required('legal.service.result.required')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('legal.m.form.duration')}>
          <InputNumber min={1} max={1440} style={{ width: '100%' }} />
        </Form.Item>
        {type === 'publicity' && (
          <Form.Item
            name="attendance"
            label={t('legal.m.form.attendance')}
            rules={[{ required: true, message: tKey('legal.service.attendance.required') }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('legal.m.form.reason')}>
          <Input maxLength={200} placeholder={t('legal.ledger.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
