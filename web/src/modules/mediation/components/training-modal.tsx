import { DatePicker, Form, Input, InputNumber } from 'antd';
import { type Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';

export function TrainingModal({ mediatorId, onClose }: { mediatorId: string; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const save = useFormSubmit<{ trainedOn: Dayjs; title: string; hours: number; organiser?: string }, unknown>({
    fields: ['trainedOn', 'title', 'hours', 'organiser'],
    mutationFn: (v) =>
      mediationApi.addTraining(mediatorId, {
        trainedOn: v.trainedOn.format('YYYY-MM-DD'),
        title: v.title,
        hours: v.hours,
        organiser: v.organiser?.trim() || null,
      }),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.mediator.addTraining')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ hours: 4 }}>
        <Form.Item name="trainedOn" label={t('mediation.mediator.trainedOn')} rules={[{ required: true, message: t('form.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('mediation.mediator.trainingTitle')}
          rules={[{ required: true, message: tKey('mediation.training.title.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('mediation.mediator.hours')}>
          <InputNumber min={0.5} max={200} step={0.5} />
        </Form.Item>
        <Form.Item name="organiser" label={t('mediation.mediator.trainingOrganiser')}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
