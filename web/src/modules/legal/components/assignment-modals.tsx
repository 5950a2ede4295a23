import { DatePicker, Form, Input } from 'antd';
import type { AssignmentDto } from '@rg/domain/legal/assignment.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalApi, legalKeys } from '../api.ts';
import { AdvisorSelect } from './advisor-select.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';

const DATE = 'YYYY-MM-DD';

/** A village chosen before the modal opens (e.g. from the uncovered list). */
export interface PresetVillage {
  code: string;
  label: string;
}

interface CreateValues {
  advisorId: string;
  villageCode: string;
  startDate: Dayjs;
}

/** 新增安排: an advisor on duty starts serving a village (or community). */
export function AssignmentCreateModal({ open, village, onClose }: { open: boolean; village?: PresetVillage; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['advisorId', 'villageCode', 'startDate'],
    mutationFn: (values: CreateValues) =>
      legalApi.assign({ advisorId: values.advisorId, villageCode: values.villageCode, startDate: values.startDate.format(DATE) }),
    successMessage: t('legal.assignment.created'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });

  return (
    <FormModal title={t('legal.assignment.create')} open={open} onClose={onClose} save={save} width={560} testId="assignment-create-modal">
      <Form<CreateValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        style={{ marginTop: 16 }}
        initialValues={{ startDate: dayjs(), villageCode: village?.code }}
      >
        <Form.Item
          name="advisorId"
          label={t('legal.assignment.advisor')}
          rules={[{ required: true, message: t('legal.assignment.advisorRequired') }]}
        >
          <AdvisorSelect testId="assignment-advisor" />
        </Form.Item>
        <Form.Item
          name="villageCode"
          label={t('legal.assignment.village')}
          rules={[{ required: true, message: t('legal.assignment.villageRequired') }]}
        >
          <RegionPicker
            browse
            maxLevel="village"
            initialLabel={village?.label}
            placeholder={t('legal.assignment.villagePlaceholder')}
            testId="assignment-village-picker"
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('legal.assignment.startDate')}
          rules={[{ required: true, message: t('legal.assignment.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface HandoverValues {
  advisorId: string;
  date: Dayjs;
}

/** 交接: the current advisor's assignment ends on the date, the new one starts the same day. */
export function HandoverModal({ assignment, open, onClose }: { assignment: AssignmentDto | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['advisorId', 'date'],
    mutationFn: (values: HandoverValues) =>
      legalApi.handover(assignment?.id ?? '', { advisorId: values.advisorId, date: values.date.format(DATE) }),
    successMessage: t('legal.assignment.handedOver'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });

  return (
    <FormModal
      title={t('legal.assignment.handoverTitle', { village: assignment?.villageName ?? '' })}
      open={open && assignment !== null}
      onClose={onClose}
      save={save}
      width={560}
      testId="handover-modal"
      intro={<p>{t('legal.assignment.handoverIntro', { name: assignment?.advisorName ?? '' })}</p>}
    >
      <Form<HandoverValues> form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ date: dayjs() }}>
        <Form.Item
          name="advisorId"
          label={t('legal.assignment.handoverTo')}
          rules={[{ required: true, message: t('legal.assignment.advisorRequired') }]}
        >
          <AdvisorSelect excludeId={assignment?.advisorId} testId="handover-advisor" />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('legal.assignment.handoverDate')}
          rules={[{ required: true, message: t('legal.assignment.dateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => (assignment ? day.isBefore(dayjs(assignment.startDate), 'day') : false)}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EndValues {
  date: Dayjs;
  reason?: string;
}

/** 结束: the advisor stops serving the village; the village shows as uncovered again. */
export function EndAssignmentModal({
  assignment,
  open,
  onClose,
}: {
  assignment: AssignmentDto | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['date', 'reason'],
    mutationFn: (values: EndValues) =>
      legalApi.end(assignment?.id ?? '', { date: values.date.format(DATE), reason: values.reason?.trim() || undefined }),
    successMessage: t('legal.assignment.endDone'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });

  return (
    <FormModal
      title={t('legal.assignment.endTitle', { name: assignment?.advisorName ?? '', village: assignment?.villageName ?? '' })}
      open={open && assignment !== null}
      onClose={onClose}
      save={save}
      okText={t('legal.assignment.end')}
      width={520}
      testId="end-assignment-modal"
      intro={<p>{t('legal.assignment.endIntro')}</p>}
    >
      <Form<EndValues> form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ date: dayjs() }}>
        <Form.Item
          name="date"
          label={t('legal.assignment.endDate')}
          rules={[{ required: true, message: t('legal.assignment.dateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => (assignment ? day.isBefore(dayjs(assignment.startDate), 'day') : false)}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('legal.assignment.endReason')}>
          <Input maxLength={100} placeholder={t('legal.assignment.endReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
