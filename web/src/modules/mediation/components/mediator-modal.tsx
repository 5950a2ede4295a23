import { Form, Input, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MediatorDto } from '@rg/domain/mediation/committee.schema';
import { useState } from 'react';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';

export function MediatorModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const committees = useQuery({
    queryKey: mediationKeys.committees({ q, pageSize: 50 }),
    queryFn: () => mediationApi.committees({ q: q || undefined, page: 1, pageSize: 50 }),
  });
  const save = useFormSubmit<
    { committeeId: string; name: string; gender: string; phone: string; idNumber?: string; employment: string },
    MediatorDto
  >({
    fields: ['committeeId', 'name', 'gender', 'phone', 'idNumber', 'employment'],
    mutationFn: (v) => mediationApi.createMediator({ ...v, idNumber: v.idNumber?.trim() || null }),
    successMessage: t('mediation.mediator.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.mediator.add')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ gender: 'male', employment: 'full_time' }}>
        <Form.Item
          name="committeeId"
          label={t('mediation.case.committee')}
          rules={[{ required: true, message: t('form.select', { label: t('mediation.case.committee') }) }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={committees.isFetching}
            options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('mediation.mediator.name')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.name') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="gender" label={t('mediation.mediator.gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('mediation.mediator.male') },
              { value: 'female', label: t('mediation.mediator.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('mediation.mediator.phone')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.mediator.phone') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t('mediation.mediator.idNumber')}>
          <Input />
        </Form.Item>
        <Form.Item name="employment" label={t('mediation.mediator.employment')}>
          <Radio.Group
            options={[
              { value: 'full_time', label: t('mediation.mediator.fullTime') },
              { value: 'part_time', label: t('mediation.mediator.partTime') },
            ]}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
