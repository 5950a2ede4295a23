import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import { CONTENT_AREAS, DEFAULT_CONDITIONS, REVIEW_LEVELS, UNIT_LEVELS } from '@rg/domain/programs/catalog';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useAreaLabel } from '../labels.ts';
import { programKeys, programsApi } from '../api.ts';
import { programPath } from './labels.tsx';

const MILESTONE_KINDS = ['submission', 'report', 'evaluation', 'acceptance', 'other'] as const;
const DATE = 'YYYY-MM-DD';

interface Values {
  organiserRegion: string;
  name: string;
  batch: string;
  unitLevel: string;
  honourTitle?: string;
  contentAreas: string[];
  customContentAreas?: string[];
  cycle: [Dayjs, Dayjs];
  conditions?: { text: string; evidenceRequired?: boolean }[];
  requiredAttachments?: string[];
  reviewChain: string[];
  quotaLevel?: string;
  milestones?: { name: string; dueDate: Dayjs; kind: string }[];
}

/**
 * 新建试点项目: organiser, units, content areas (the eight of P2.2 plus custom ones), cycle, the
 * P2.3(2) conditions (pre-filled), required attachments, the review chain, quota level and milestones.
 */
export function ProgramCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const session = useSession();
  const navigate = useNavigate();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['organiserRegion', 'name', 'batch', 'unitLevel', 'honourTitle', 'contentAreas', 'reviewChain', 'quotaLevel', 'cycleEnd'],
    mutationFn: (v: Values) => programsApi.create({
      organiserRegion: v.organiserRegion, name: v.name, batch: v.batch, unitLevel: v.unitLevel, ...(v.honourTitle ? { honourTitle: v.honourTitle } : {}),
      contentAreas: v.contentAreas, customContentAreas: v.customContentAreas ?? [],
      cycleStart: v.cycle[0].format(DATE), cycleEnd: v.cycle[1].format(DATE),
      conditions: (v.conditions ?? []).map((c) => ({ text: c.text, evidenceRequired: Boolean(c.evidenceRequired) })),
      requiredAttachments: v.requiredAttachments ?? [],
      // Bottom-up, whatever order the levels were ticked in.
      reviewChain: [...REVIEW_LEVELS].filter((l) => v.reviewChain.includes(l)),
      quotaLevel: v.quotaLevel ?? null,
      milestones: (v.milestones ?? []).map((m) => ({ name: m.name, dueDate: m.dueDate.format(DATE), kind: m.kind, closesSubmission: m.kind === 'submission' })),
    }),
    successMessage: t('programs.created'),
    invalidate: programKeys.all,
    onSuccess: (program) => void navigate(programPath(program.id)),
  });
  return (
    <FormModal title={t('programs.create')} open={open} onClose={onClose} save={save} width={820} testId="program-create-modal">
      <Form<Values> form={save.form} layout="vertical" preserve={false} style={{ marginTop: 16, maxHeight: '65vh', overflowY: 'auto', paddingRight: 8 }}
        initialValues={{
          organiserRegion: session.user.regionCode, unitLevel: 'county', contentAreas: CONTENT_AREAS.map((a) => a.key),
          conditions: DEFAULT_CONDITIONS.map((text) => ({ text, evidenceRequired: false })), reviewChain: [],
        }}>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="organiserRegion" label={t('programs.create.organiser')} rules={required} style={{ width: 240 }}><RegionPicker initialLabel={session.user.regionName} /></Form.Item>
          <Form.Item name="name" label={t('programs.col.name')} rules={required} style={{ width: 320 }}><Input maxLength={80} /></Form.Item>
          <Form.Item name="batch" label={t('programs.col.batch')} rules={required} style={{ width: 160 }}><Input maxLength={30} /></Form.Item>
        </Space>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="unitLevel" label={t('programs.create.unitLevel')} rules={required} style={{ width: 200 }}>
            <Select options={UNIT_LEVELS.map((l) => ({ value: l, label: t(`programs.unitLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="honourTitle" label={t('programs.create.honour')} extra={t('programs.create.honourHint')} style={{ width: 280 }}><Input maxLength={40} /></Form.Item>
          <Form.Item name="cycle" label={t('programs.create.cycle')} rules={required}><DatePicker.RangePicker /></Form.Item>
        </Space>
        <Form.Item name="contentAreas" label={t('programs.detail.areas')}>
          <Checkbox.Group options={CONTENT_AREAS.map((a) => ({ value: a.key, label: areaLabel(a.key) }))} />
        </Form.Item>
        <Form.Item name="customContentAreas" label={t('programs.create.custom')}><Select mode="tags" placeholder={t('programs.create.typeToAdd')} open={false} /></Form.Item>
        <Form.Item label={t('programs.create.conditions')}>
          <Form.List name="conditions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'text']} rules={required} style={{ width: 560, marginBottom: 8 }}><Input /></Form.Item>
                    <Form.Item name={[field.name, 'evidenceRequired']} valuePropName="checked" style={{ marginBottom: 8 }}><Checkbox>{t('programs.create.evidence')}</Checkbox></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ text: '', evidenceRequired: false })}>{t('programs.create.addCondition')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="requiredAttachments" label={t('programs.create.attachments')}><Select mode="tags" placeholder={t('programs.create.typeToAdd')} open={false} /></Form.Item>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="reviewChain" label={t('programs.create.chain')} rules={required}>
            <Checkbox.Group options={REVIEW_LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="quotaLevel" label={t('programs.create.quotaLevel')} style={{ width: 200 }}>
            <Select allowClear placeholder={t('programs.create.noQuota')} options={(['province', 'city', 'county', 'town'] as const).map((l) => ({ value: l, label: t(`programs.level.${l}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('programs.create.milestones')}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} rules={required} style={{ width: 320, marginBottom: 8 }}><Input placeholder={t('programs.milestone.name')} /></Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={required} style={{ width: 130, marginBottom: 8 }}>
                      <Select options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`programs.milestone.kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']} rules={required} style={{ marginBottom: 8 }}><DatePicker /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', kind: 'submission' })}>{t('programs.create.addMilestone')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
