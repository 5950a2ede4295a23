import { DatePicker, Form, Input, Select } from 'antd';
import { AGENCY_ROLES, MEMBER_ROLES, type AgencyDto, type AgencyRole, type MemberRole } from '@rg/domain/programs/organization.schema';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';

interface ModalProps {
  groupId: string;
  open: boolean;
  onClose: () => void;
}

export function MemberModal({ groupId, open, onClose }: ModalProps) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['personName', 'position', 'role'],
    mutationFn: (values: { personName: string; position: string; role: MemberRole }) => programsApi.addMember(groupId, values),
    successMessage: t('programs.member.added'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.member.add')} open={open} onClose={onClose} save={save} testId="member-modal">
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }} initialValues={{ role: 'member' }}>
        <Form.Item name="personName" label={t('programs.member.name')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="position" label={t('programs.member.position')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="role" label={t('programs.member.role')} rules={required}>
          <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`programs.member.role.${r}`) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function AgencyModal({ groupId, open, onClose }: ModalProps) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['name', 'role', 'duties'],
    mutationFn: (values: { name: string; role: AgencyRole; duties?: string }) =>
      programsApi.addAgency(groupId, { ...values, duties: values.duties ?? '' }),
    successMessage: t('programs.agency.added'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.agency.add')} open={open} onClose={onClose} save={save} testId="agency-modal">
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }} initialValues={{ role: 'member' }}>
        <Form.Item name="name" label={t('programs.agency.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="role" label={t('programs.agency.role')} rules={required}>
          <Select options={AGENCY_ROLES.map((r) => ({ value: r, label: t(`programs.agency.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="duties" label={t('programs.agency.duties')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface TaskValues {
  title: string;
  description?: string;
  agencyId?: string;
  assigneeName?: string;
  dueDate: Dayjs;
}

export function TaskModal({ groupId, agencies, open, onClose }: ModalProps & { agencies: AgencyDto[] }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['title', 'description', 'agencyId', 'assigneeName', 'dueDate'],
    mutationFn: (values: TaskValues) =>
      programsApi.addTask(groupId, {
        title: values.title,
        description: values.description ?? '',
        agencyId: values.agencyId ?? null,
        assigneeName: values.assigneeName ?? null,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
      }),
    successMessage: t('programs.task.added'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('programs.task.add')} open={open} onClose={onClose} save={save} testId="task-modal">
      <Form<TaskValues> form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }}>
        <Form.Item name="title" label={t('programs.task.title')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="agencyId" label={t('programs.task.agency')}>
          <Select allowClear options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="assigneeName" label={t('programs.task.assignee')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('programs.task.due')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('programs.detail.info')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
