import { Form, Input } from 'antd';
import type { DesignationAction, DesignationDto } from '@rg/domain/programs/designation.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';

/** 警示 / 恢复 / 撤销 a designation with a reason (动态管理, P3.5(2)). */
export function DesignationActionModal({
  target,
  onClose,
}: {
  target: { designation: DesignationDto; action: DesignationAction } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const action = target?.action ?? 'warn';
  const save = useFormSubmit({
    fields: ['reason'],
    mutationFn: (values: { reason: string }) => programsApi.actOnDesignation(target?.designation.id ?? '', action, values.reason),
    successMessage: t(`programs.designation.done.${action}`),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`${t(`programs.designation.${action}`)}${t('common.colon')}${target?.designation.unitName ?? ''} ${target?.designation.title ?? ''}`}
      open={target !== null}
      onClose={onClose}
      save={save}
      testId="designation-action-modal"
    >
      <Form form={save.form} {...MODAL_FORM_LAYOUT} style={{ marginTop: 16 }}>
        <Form.Item
          name="reason"
          label={t('programs.designation.reason')}
          rules={[{ required: true, message: t('programs.designation.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
