import { DatePicker, Form, Input, Select } from 'antd';
import { MILESTONE_KINDS, type MilestoneDto } from '@rg/domain/programs/program.schema';
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
    <FormModal
      title={t('programs.milestone.extendTitle', { name: milestone?.name ?? '' })}
      open={milestone !== null}
      onClose={onClose}
      save={save}
      testId="extend-modal"
    >
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }}>
        <Form.Item
          name="dueDate"
          label={t('programs.milestone.newDate')}
          rules={[{ required: true, message: t('programs.milestone.newDate') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('programs.milestone.reason')}
          rules={[{ required: true, message: t('programs.designation.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 添加节点: a dated step; a 申报截止 closes submission when it passes. */
export function MilestoneModal({ programId, open, onClose }: { programId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['name', 'kind', 'dueDate'],
    mutationFn: (values: { name: string; kind: string; dueDate: Dayjs }) =>
      programsApi.addMilestone(programId, {
        name: values.name,
        kind: values.kind,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        closesSubmission: values.kind === 'submission',
      }),
    successMessage: t('programs.milestone.added'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.milestone.add')} open={open} onClose={onClose} save={save} testId="milestone-modal">
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }} initialValues={{ kind: 'other' }}>
        <Form.Item name="name" label={t('programs.milestone.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('programs.milestone.kind')} rules={required}>
          <Select options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`programs.milestone.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('programs.milestone.due')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
