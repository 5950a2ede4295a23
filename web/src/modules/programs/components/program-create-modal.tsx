import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { CONTENT_AREAS, DEFAULT_CONDITIONS } from '@rg/domain/programs/catalog';
import { MILESTONE_KINDS, type MilestoneKind } from '@rg/domain/programs/program.schema';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { programKeys, programsApi } from '../api.ts';
import { programPath } from './labels.tsx';
import { PROGRAM_FORM_FIELDS, ProgramForm, programFieldsOf, type ProgramFormValues } from './program-form.tsx';

interface Values extends ProgramFormValues {
  organiserRegion: string;
  milestones?: { name: string; dueDate: Dayjs; kind: MilestoneKind }[];
}

/**
 * 新建试点项目: the programme form with the organiser first and the milestones last; the P2.3(2)
 * conditions and all eight content areas are pre-filled.
 */
export function ProgramCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['organiserRegion', ...PROGRAM_FORM_FIELDS],
    mutationFn: (v: Values) =>
      programsApi.create({
        ...programFieldsOf(v),
        organiserRegion: v.organiserRegion,
        milestones: (v.milestones ?? []).map((m) => ({
          name: m.name,
          dueDate: m.dueDate.format('YYYY-MM-DD'),
          kind: m.kind,
          closesSubmission: m.kind === 'submission',
        })),
      }),
    successMessage: t('programs.created'),
    invalidate: programKeys.all,
    onSuccess: (program) => void navigate(programPath(program.id)),
  });
  return (
    <FormModal title={t('programs.create')} open={open} onClose={onClose} save={save} width={820} testId="program-create-modal">
      <ProgramForm<Values>
        form={save.form}
        initialValues={{
          organiserRegion: session.user.regionCode,
          unitLevel: 'county',
          contentAreas: CONTENT_AREAS.map((a) => a.key),
          conditions: DEFAULT_CONDITIONS.map((text) => ({ text, evidenceRequired: false })),
          reviewChain: [],
        }}
        leading={
          <Form.Item name="organiserRegion" label={t('programs.create.organiser')} rules={required} style={{ width: 240 }}>
            <RegionPicker initialLabel={session.user.regionName} />
          </Form.Item>
        }
      >
        <Form.Item label={t('programs.create.milestones')}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} rules={required} style={{ width: 320, marginBottom: 8 }}>
                      <Input placeholder={t('programs.milestone.name')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={required} style={{ width: 130, marginBottom: 8 }}>
                      <Select options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`programs.milestone.kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']} rules={required} style={{ marginBottom: 8 }}>
                      <DatePicker />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', kind: 'submission' })}>
                  {t('programs.create.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </ProgramForm>
    </FormModal>
  );
}
