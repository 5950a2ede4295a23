import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { CommitteeDto } from '@rg/domain/mediation/committee.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';

interface CommitteeValues {
  regionCode: string;
  level: string;
  name: string;
  field?: string;
  establishedOn?: Dayjs | null;
  status?: string;
}

/** 新增 or 修改 a committee: place and level are fixed once it exists; a committee is dissolved, never deleted. */
export function CommitteeModal({ committee, onClose }: { committee: CommitteeDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const save = useFormSubmit<CommitteeValues, CommitteeDto>({
    fields: ['regionCode', 'level', 'name', 'field', 'establishedOn', 'status'],
    mutationFn: (v) => {
      const common = {
        name: v.name,
        field: v.field?.trim() || null,
        establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
      };
      return committee
        ? mediationApi.updateCommittee(committee.id, { version: committee.version, ...common, status: v.status })
        : mediationApi.createCommittee({ regionCode: v.regionCode, level: v.level, ...common });
    },
    successMessage: t(committee ? 'mediation.case.saved' : 'mediation.committee.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  const level = Form.useWatch('level', save.form);
  const initialValues: Partial<CommitteeValues> = committee
    ? {
        regionCode: committee.region.code,
        level: committee.level,
        name: committee.name,
        field: committee.field ?? undefined,
        establishedOn: committee.establishedOn ? dayjs(committee.establishedOn) : null,
        status: committee.status,
      }
    : { regionCode: session.scope.code, level: 'village' };
  return (
    <FormModal title={t(committee ? 'mediation.committee.edit' : 'mediation.committee.add')} open onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={initialValues}>
        <Form.Item name="regionCode" label={t('mediation.committee.region')} rules={[{ required: true }]}>
          <RegionPicker initialLabel={committee?.region.path ?? session.scope.name} disabled={committee !== null} />
        </Form.Item>
        <Form.Item name="level" label={t('mediation.committee.level')}>
          <Select options={optionsOf(labels.committeeLevel)} disabled={committee !== null} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('mediation.committee.name')}
          rules={[{ required: true, message: t('form.enter', { label: t('mediation.committee.name') }) }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {level === 'specialised' && (
          <Form.Item
            name="field"
            label={t('mediation.committee.field')}
            rules={[{ required: true, message: t('form.fill', { label: t('mediation.committee.field') }) }]}
          >
            <Input placeholder={t('mediation.committee.fieldPlaceholder')} maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="establishedOn" label={t('mediation.committee.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {committee && (
          <Form.Item name="status" label={t('mediation.committee.status')} extra={t('mediation.committee.dissolvedHint')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('mediation.committee.active') },
                { value: 'dissolved', label: t('mediation.committee.dissolved') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
