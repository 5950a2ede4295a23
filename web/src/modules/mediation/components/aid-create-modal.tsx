import { Checkbox, DatePicker, Form, Input } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AidDto } from '@rg/domain/mediation/aid.schema';
import dayjs from 'dayjs';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { formBody, type FormValues } from './form-body.ts';

export function AidCreateModal({ onClose }: { onClose: () => void }) {
  const { t, tKey } = useI18n();
  const session = useSession();
  const criteria = useQuery({ queryKey: mediationKeys.settings(), queryFn: () => mediationApi.settings() });
  const save = useFormSubmit<FormValues, AidDto>({
    fields: ['regionCode', 'applicantName', 'idNumber', 'phone', 'address', 'matter', 'facts', 'hardship', 'appliedOn'],
    mutationFn: (v) => mediationApi.createAid(formBody(v)),
    successMessage: t('mediation.aid.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.aid.create')} open onClose={onClose} save={save} width={640}>
      <Form<FormValues> form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ regionCode: session.scope.code, appliedOn: dayjs() }}>
        <Form.Item name="regionCode" label={t('mediation.committee.region')} rules={[{ required: true }]}>
          <RegionPicker initialLabel={session.scope.name} />
        </Form.Item>
        <Form.Item
          name="applicantName"
          label={t('mediation.aid.applicant')}
          rules={[{ required: true, message: tKey('mediation.aid.applicant.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('mediation.mediator.idNumber')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.idNumber') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('mediation.mediator.phone')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.phone') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('mediation.party.address')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="matter"
          label={t('mediation.aid.matter')}
          rules={[{ required: true, message: tKey('mediation.aid.matter.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('mediation.aid.facts')}
          rules={[{ required: true, message: tKey('mediation.aid.facts.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="hardship"
          label={t('mediation.field.hardship')}
          rules={[{ required: true, message: tKey('mediation.aid.hardship.required') }]}
        >
          <Checkbox.Group options={(criteria.data?.aidCriteria ?? []).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('mediation.aid.appliedOn')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
