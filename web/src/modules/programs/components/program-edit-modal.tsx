import { Alert } from 'antd';
import type { ProgramDetailDto } from '@rg/domain/programs/program.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';
import { PROGRAM_FORM_FIELDS, ProgramForm, programFieldsOf, programFormValues, type ProgramFormValues } from './program-form.tsx';

/**
 * 编辑试点项目: the creation form filled with the programme; what its applications hold fixed is
 * greyed with the reason. Saved with the version it was opened at (someone else's save meanwhile: 409).
 */
export function ProgramEditModal({ program, open, onClose }: { program: ProgramDetailDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit({
    fields: PROGRAM_FORM_FIELDS,
    mutationFn: (values: ProgramFormValues) => programsApi.update(program.id, { ...programFieldsOf(values), version: program.version }),
    successMessage: t('programs.edit.saved'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  const locked = program.locks.unitLevel || program.locks.cycle;
  return (
    <FormModal
      title={t('programs.edit.title', { name: program.name })}
      open={open}
      onClose={onClose}
      save={save}
      width={820}
      testId="program-edit-modal"
      intro={locked && <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('programs.edit.lockedIntro')} />}
    >
      <ProgramForm form={save.form} initialValues={programFormValues(program)} locks={program.locks} />
    </FormModal>
  );
}
