import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { AidDto, AidStep } from '@rg/domain/mediation/aid.schema';
import dayjs from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { formBody, type FormValues } from './form-body.ts';

export function AidStepModal({ aid, step, onClose }: { aid: AidDto; step: AidStep; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const labels = useMediationLabels();
  const save = useFormSubmit<FormValues, AidDto>({
    fields: [
      'approve',
      'reason',
      'reviewedOn',
      'assigneeName',
      'assigneeKind',
      'assignedOn',
      'result',
      'resultNote',
      'closedOn',
      'hardship',
    ],
    mutationFn: (v) => mediationApi.aidStep(aid.id, step, formBody(v)),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  const today = dayjs();
  return (
    <FormModal title={`${t(`mediation.aid.${step}`)} · ${aid.applicantName}`} open onClose={onClose} save={save}>
      <Form<FormValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={{ approve: true, reviewedOn: today, assignedOn: today, closedOn: today, assigneeKind: 'lawyer' }}
      >
        {step === 'review' && (
          <>
            <Form.Item name="approve" label={t('mediation.aid.review')}>
              <Radio.Group
                options={[
                  { value: true, label: t('mediation.aid.approve') },
                  { value: false, label: t('mediation.aid.reject') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('mediation.field.reason')}
              rules={[{ required: true, message: tKey('mediation.aid.reason.required') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="reviewedOn" label={t('mediation.aid.reviewedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {step === 'assign' && (
          <>
            <Form.Item
              name="assigneeName"
              label={t('mediation.aid.assignee')}
              rules={[{ required: true, message: t('form.fill', { label: t('mediation.aid.assignee') }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="assigneeKind" label={t('mediation.aid.assigneeKind')}>
              <Select options={optionsOf(labels.assignee)} />
            </Form.Item>
            <Form.Item name="assignedOn" label={t('mediation.aid.assignedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {step === 'close' && (
          <>
            <Form.Item
              name="result"
              label={t('mediation.aid.result')}
              rules={[{ required: true, message: tKey('mediation.aid.result.required') }]}
            >
              <Select options={optionsOf(labels.aidResult)} />
            </Form.Item>
            <Form.Item name="resultNote" label={t('mediation.field.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="closedOn" label={t('mediation.case.closedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
