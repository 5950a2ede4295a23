import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, type FormInstance } from 'antd';
import { CONTENT_AREAS, isCatalogueAreaKey, REVIEW_LEVELS, UNIT_LEVELS } from '@rg/domain/programs/catalog';
import type { ProgramEditLocks } from '@rg/domain/programs/program.schema';
import { PROGRAM_DESCRIPTION_MAX, QUOTA_LEVELS, type ProgramDetailDto } from '@rg/domain/programs/program.schema';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { MessageKey } from '../../../app/i18n/message-catalogue.ts';
import type { ProgramFieldsInput } from '../api.ts';
import { useAreaLabel } from '../labels.ts';

const DATE = 'YYYY-MM-DD';

/** The programme form's values, on creation and on edit (the create modal adds the organiser and milestones). */
export interface ProgramFormValues {
  name: string;
  batch: string;
  description?: string | null;
  unitLevel: ProgramFieldsInput['unitLevel'];
  honourTitle?: string;
  contentAreas: NonNullable<ProgramFieldsInput['contentAreas']>;
  customContentAreas?: string[];
  cycle: [Dayjs, Dayjs];
  conditions?: { text: string; evidenceRequired?: boolean }[];
  requiredAttachments?: string[];
  reviewChain: string[];
  quotaLevel?: ProgramFieldsInput['quotaLevel'];
}

/** Server field names the form shows on its own inputs. */
export const PROGRAM_FORM_FIELDS = [
  'name',
  'batch',
  'description',
  'unitLevel',
  'honourTitle',
  'contentAreas',
  'reviewChain',
  'quotaLevel',
  'cycleEnd',
] as const;

/** The request's fields from the form's values. */
export function programFieldsOf(v: ProgramFormValues): ProgramFieldsInput {
  return {
    name: v.name,
    batch: v.batch,
    description: v.description ?? null,
    unitLevel: v.unitLevel,
    ...(v.honourTitle !== undefined ? { honourTitle: v.honourTitle } : {}),
    contentAreas: v.contentAreas,
    customContentAreas: v.customContentAreas ?? [],
    cycleStart: v.cycle[0].format(DATE),
    cycleEnd: v.cycle[1].format(DATE),
    conditions: (v.conditions ?? []).map((c) => ({ text: c.text, evidenceRequired: Boolean(c.evidenceRequired) })),
    requiredAttachments: v.requiredAttachments ?? [],
    // Bottom-up, whatever order the levels were ticked in.
    reviewChain: [...REVIEW_LEVELS].filter((l) => v.reviewChain.includes(l)),
    quotaLevel: v.quotaLevel ?? null,
  };
}

/** A stored programme as the form's values (编辑 opens with them). */
export function programFormValues(p: ProgramDetailDto): ProgramFormValues {
  return {
    name: p.name,
    batch: p.batch,
    description: p.description ?? '',
    unitLevel: p.unitLevel,
    honourTitle: p.honourTitle,
    contentAreas: p.contentAreas
      .filter((a) => !a.custom)
      .map((a) => a.key)
      .filter(isCatalogueAreaKey),
    customContentAreas: p.contentAreas.filter((a) => a.custom).map((a) => a.label),
    cycle: [dayjs(p.cycleStart), dayjs(p.cycleEnd)],
    conditions: p.conditions.map((c) => ({ text: c.text, evidenceRequired: c.evidenceRequired })),
    requiredAttachments: p.requiredAttachments.map((a) => a.label),
    reviewChain: p.reviewChain,
    ...(p.quotaLevel ? { quotaLevel: p.quotaLevel } : {}),
  };
}

const UNLOCKED: ProgramEditLocks = { unitLevel: false, reviewChain: false, requirements: false, cycle: false, areasInUse: [] };

/**
 * 试点项目表单, the same for 新建 and 编辑: units, title, cycle, the description (项目说明, plain text),
 * content areas (the eight of P2.2 plus the programme's own), the P2.3(2) conditions, required
 * attachments, the review chain and the quota level. `locks` disables, with the reason beneath, what
 * the programme's applications hold fixed; `leading` goes first on the first row (the organiser),
 * `children` after the rest (the milestones).
 */
export function ProgramForm<V extends ProgramFormValues>({
  form,
  initialValues,
  locks = UNLOCKED,
  leading,
  children,
}: {
  form: FormInstance<V>;
  initialValues: Partial<V>;
  locks?: ProgramEditLocks;
  leading?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const required = [{ required: true, message: t('programs.form.required') }];
  const lockedBy = (locked: boolean, reason: MessageKey) => (locked ? { extra: t(reason) } : {});
  return (
    <Form<V>
      form={form}
      layout="vertical"
      preserve={false}
      style={{ marginTop: 16, maxHeight: '65vh', overflowY: 'auto', paddingRight: 8 }}
      initialValues={initialValues}
    >
      <Space style={{ width: '100%' }} align="start">
        {leading}
        <Form.Item name="name" label={t('programs.col.name')} rules={required} style={{ width: 320 }}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="batch" label={t('programs.col.batch')} rules={required} style={{ width: 160 }}>
          <Input maxLength={30} />
        </Form.Item>
      </Space>
      <Space style={{ width: '100%' }} align="start">
        <Form.Item
          name="unitLevel"
          label={t('programs.create.unitLevel')}
          rules={required}
          style={{ width: 200 }}
          {...lockedBy(locks.unitLevel, 'programs.lock.unitLevel')}
        >
          <Select disabled={locks.unitLevel} options={UNIT_LEVELS.map((l) => ({ value: l, label: t(`programs.unitLevel.${l}`) }))} />
        </Form.Item>
        <Form.Item name="honourTitle" label={t('programs.create.honour')} extra={t('programs.create.honourHint')} style={{ width: 280 }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="cycle" label={t('programs.create.cycle')} rules={required} {...lockedBy(locks.cycle, 'programs.lock.cycle')}>
          <DatePicker.RangePicker disabled={locks.cycle} />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('programs.detail.description')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          showCount
          maxLength={PROGRAM_DESCRIPTION_MAX}
          placeholder={t('programs.create.descriptionPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="contentAreas" label={t('programs.detail.areas')} {...lockedBy(locks.areasInUse.length > 0, 'programs.lock.areas')}>
        <Checkbox.Group
          options={CONTENT_AREAS.map((a) => ({ value: a.key, label: areaLabel(a.key), disabled: locks.areasInUse.includes(a.key) }))}
        />
      </Form.Item>
      <Form.Item name="customContentAreas" label={t('programs.create.custom')}>
        <Select mode="tags" placeholder={t('programs.create.typeToAdd')} open={false} />
      </Form.Item>
      <Form.Item label={t('programs.create.conditions')} {...lockedBy(locks.requirements, 'programs.lock.requirements')}>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'text']} rules={required} style={{ width: 560, marginBottom: 8 }}>
                    <Input disabled={locks.requirements} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'evidenceRequired']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox disabled={locks.requirements}>{t('programs.create.evidence')}</Checkbox>
                  </Form.Item>
                  {!locks.requirements && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {!locks.requirements && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ text: '', evidenceRequired: false })}>
                  {t('programs.create.addCondition')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name="requiredAttachments"
        label={t('programs.create.attachments')}
        {...lockedBy(locks.requirements, 'programs.lock.requirements')}
      >
        <Select mode="tags" disabled={locks.requirements} placeholder={t('programs.create.typeToAdd')} open={false} />
      </Form.Item>
      <Space style={{ width: '100%' }} align="start">
        <Form.Item
          name="reviewChain"
          label={t('programs.create.chain')}
          rules={required}
          {...lockedBy(locks.reviewChain, 'programs.lock.reviewChain')}
        >
          <Checkbox.Group
            disabled={locks.reviewChain}
            options={REVIEW_LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="quotaLevel"
          label={t('programs.create.quotaLevel')}
          style={{ width: 200 }}
          {...lockedBy(locks.reviewChain, 'programs.lock.reviewChain')}
        >
          <Select
            allowClear
            disabled={locks.reviewChain}
            placeholder={t('programs.create.noQuota')}
            options={QUOTA_LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))}
          />
        </Form.Item>
      </Space>
      {children}
    </Form>
  );
}
