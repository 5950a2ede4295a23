import { Alert, Form, Input } from 'antd';
import type { ProgramDetailDto } from '@rg/domain/programs/program.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';

/**
 * 撤销试点项目: says what follows (no more applications, the open ones closed, no way back) and
 * takes the reason; 确认撤销 is the confirmation.
 */
export function ProgramWithdrawModal({ program, open, onClose }: { program: ProgramDetailDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: ['reason'],
    mutationFn: (values: { reason: string }) => programsApi.withdraw(program.id, { reason: values.reason, version: program.version }),
    successMessage: t('programs.withdraw.done'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={t('programs.withdraw.title', { name: program.name })}
      open={open}
      onClose={onClose}
      save={save}
      okText={t('programs.withdraw.confirm')}
      testId="program-withdraw-modal"
      intro={
        <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('programs.withdraw.warning', { count: program.counts.open })} />
      }
    >
      <Form form={save.form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          name="reason"
          label={t('programs.withdraw.reason')}
          rules={[{ required: true, whitespace: true, message: t('programs.withdraw.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
