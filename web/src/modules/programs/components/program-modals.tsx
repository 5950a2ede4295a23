import { DatePicker, Form, Input } from 'antd';
import type { MilestoneDto } from '@rg/domain/programs/program.schema';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { programKeys, programsApi } from '../api.ts';
import { applicationPath } from './labels.tsx';

/** 发起申报: the official picks the unit (their own region or one below it) and opens its draft. */
export function ApplyModal({ programId, open, onClose }: { programId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const save = useFormSubmit({
    fields: ['unitCode'],
    mutationFn: (values: { unitCode: string }) => programsApi.createApplication(programId, values.unitCode),
    successMessage: t('programs.apply.created'),
    invalidate: programKeys.all,
    onSuccess: (created) => void navigate(applicationPath(created.id)),
  });
  return (
    <FormModal title={t('programs.apply')} open={open} onClose={onClose} save={save} testId="apply-modal">
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }}>
        <Form.Item name="unitCode" label={t('programs.apply.unit')} rules={[{ required: true, message: t('programs.apply.unitRequired') }]}>
          <RegionPicker placeholder={t('programs.apply.unitPlaceholder')} testId="apply-unit-picker" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 延期: a later due date with the reason (P2.3(5) deadlines are the organiser's to move). */
export function ExtendModal({ programId, milestone, onClose }: { programId: string; milestone: MilestoneDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['dueDate', 'reason'],
    mutationFn: (values: { dueDate: Dayjs; reason: string }) =>
      programsApi.extendMilestone(programId, milestone?.id ?? '', { dueDate: values.dueDate.format('YYYY-MM-DD'), reason: values.reason }),
    successMessage: t('programs.milestone.extended'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.milestone.extendTitle', { name: milestone?.name ?? '' })} open={milestone !== null} onClose={onClose} save={save} testId="extend-modal">
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }}>
        <Form.Item name="dueDate" label={t('programs.milestone.newDate')} rules={[{ required: true, message: t('programs.milestone.newDate') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('programs.milestone.reason')} rules={[{ required: true, message: t('programs.designation.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
