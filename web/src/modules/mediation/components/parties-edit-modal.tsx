import { Form } from 'antd';
import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { PartyFields, partyBody, type PartyValues } from './party-fields.tsx';

/** 修改当事人 while the case is being mediated: recorded numbers stay sealed unless new ones are typed. */
export function PartiesEditModal({ dto, onClose }: { dto: CaseDto; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit<{ parties: PartyValues[] }, CaseDto>({
    fields: ['parties'],
    mutationFn: (v) => mediationApi.updateParties(dto.id, { version: dto.version, parties: v.parties.map(partyBody) }),
    successMessage: t('mediation.parties.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  // Numbers start empty (kept as stored); the masked ones show as placeholders.
  const initialValues = {
    parties: dto.parties.map((p) => ({ id: p.id, kind: p.kind, role: p.role, name: p.name, address: p.address ?? undefined })),
  };
  return (
    <FormModal
      title={t('mediation.parties.edit')}
      open
      onClose={onClose}
      save={save}
      width={980}
      testId="parties-edit-modal"
      intro={<p style={{ color: '#8c8c8c' }}>{t('mediation.parties.editIntro')}</p>}
    >
      <Form form={save.form} labelCol={{ flex: '80px' }} initialValues={initialValues}>
        <PartyFields recorded={dto.parties} />
      </Form>
    </FormModal>
  );
}
