import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CaseDto } from '@rg/domain/mediation/case.schema';
import type { CaseAction, Recording } from '@rg/domain/mediation/case-workflow';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';
import type { MessageKey } from '../../../app/i18n/message-catalogue.ts';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { formBody, type FormValues } from './form-body.ts';

export type CaseStep = CaseAction | Recording | 'aid';

/** Where each step posts, and the fields it asks for (the server checks state and evidence). */
const PATHS: Record<Exclude<CaseStep, 'aid'>, string> = {
  start: 'start',
  agree: 'agree',
  fail: 'fail',
  follow_up: 'follow-up',
  close: 'close',
  session: 'sessions',
  confirm: 'confirm',
  performance: 'performance',
  visit: 'visit',
  reopen: 'reopen',
};
/** Each step's name (its button and its form's title). */
export const STEP_TITLES: Record<CaseStep, MessageKey> = {
  start: 'mediation.action.start',
  agree: 'mediation.action.agree',
  fail: 'mediation.action.fail',
  follow_up: 'mediation.action.follow_up',
  close: 'mediation.action.close',
  session: 'mediation.record.session',
  confirm: 'mediation.record.confirm',
  performance: 'mediation.record.performance',
  visit: 'mediation.record.visit',
  reopen: 'mediation.record.reopen',
  aid: 'mediation.record.aid',
};
const DATE_FIELDS = [
  'heldOn',
  'agreedOn',
  'performanceDeadline',
  'failedOn',
  'closedOn',
  'confirmedOn',
  'visitedOn',
  'reopenedOn',
  'appliedOn',
] as const;
const FIELDS = [
  'mediatorId',
  'participants',
  'notes',
  'terms',
  'route',
  'destination',
  'reason',
  'dueDays',
  'note',
  'performance',
  'partyId',
  'hardship',
  'matter',
  ...DATE_FIELDS,
];

/** The steps the viewer may take now, in the order they are offered: records, then actions, reopening, legal aid. */
export function stepsOf(dto: CaseDto): CaseStep[] {
  const { record, actions, aid } = dto.abilities;
  return [...record.filter((r) => r !== 'reopen'), ...actions, ...record.filter((r) => r === 'reopen'), ...(aid ? (['aid'] as const) : [])];
}

/** Date and text fields whose "required" message names the field. */
function fieldMakers(t: I18n['t']) {
  return {
    date: (name: string, label: string, required = true): ReactNode => (
      <Form.Item key={name} name={name} label={label} rules={required ? [{ required: true, message: t('form.select', { label }) }] : []}>
        <DatePicker style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    ),
    text: (name: string, label: string, rows = 0, required = true): ReactNode => (
      <Form.Item key={name} name={name} label={label} rules={required ? [{ required: true, message: t('form.fill', { label }) }] : []}>
        {rows > 0 ? <Input.TextArea rows={rows} aria-label={label} /> : <Input aria-label={label} />}
      </Form.Item>
    ),
  };
}

/** One workflow step or record of a case, as a small form; 409/400 answers show in the form. */
export function CaseStepModal({ dto, step, onClose }: { dto: CaseDto; step: CaseStep | null; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const labels = useMediationLabels();
  const { date, text } = fieldMakers(t);
  const mediators = useQuery({
    queryKey: mediationKeys.mediators({ assignableTo: dto.region.code, pageSize: 100 }),
    queryFn: () => mediationApi.mediators({ assignableTo: dto.region.code, page: 1, pageSize: 100 }),
    enabled: step === 'start',
  });
  const criteria = useQuery({ queryKey: mediationKeys.settings(), queryFn: () => mediationApi.settings(), enabled: step === 'aid' });
  const save = useFormSubmit<FormValues, unknown>({
    fields: FIELDS,
    mutationFn: (values) =>
      step === 'aid'
        ? mediationApi.createAid({ caseId: dto.id, ...formBody(values) })
        : mediationApi.step(dto.id, PATHS[step ?? 'session'], formBody(values)),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  if (!step) return null;

  const fields: Record<CaseStep, ReactNode[]> = {
    start: [
      <Form.Item
        key="mediatorId"
        name="mediatorId"
        label={t('mediation.field.mediatorId')}
        rules={[{ required: !dto.mediator, message: tKey('mediation.mediator.required') }]}
      >
        <Select
          aria-label={t('mediation.field.mediatorId')}
          loading={mediators.isPending}
          // The server lists only the active mediators who may take this case (their committee's region covers it).
          options={(mediators.data?.items ?? []).map((m) => ({
            value: m.id,
            label: t('mediation.mediator.option', {
              name: m.name,
              committee: m.committeeName,
              employment: t(m.employment === 'full_time' ? 'mediation.mediator.fullTime' : 'mediation.mediator.partTime'),
            }),
          }))}
        />
      </Form.Item>,
    ],
    session: [
      date('heldOn', t('mediation.field.heldOn')),
      text('participants', t('mediation.field.participants')),
      text('notes', t('mediation.field.notes'), 4),
    ],
    agree: [
      date('agreedOn', t('mediation.field.agreedOn')),
      text('terms', t('mediation.field.terms'), 5),
      date('performanceDeadline', t('mediation.field.performanceDeadline'), false),
    ],
    fail: [
      date('failedOn', t('mediation.field.failedOn')),
      <Form.Item
        key="route"
        name="route"
        label={t('mediation.field.route')}
        rules={[{ required: true, message: t('form.select', { label: t('mediation.field.route') }) }]}
      >
        <Select options={optionsOf(labels.route)} aria-label={t('mediation.field.route')} />
      </Form.Item>,
      text('destination', t('mediation.field.destination')),
      text('reason', t('mediation.field.reason'), 2, false),
    ],
    confirm: [date('confirmedOn', t('mediation.field.confirmedOn')), text('note', t('mediation.field.note'), 0, false)],
    performance: [
      <Form.Item
        key="performance"
        name="performance"
        label={t('mediation.field.performance')}
        rules={[{ required: true, message: tKey('mediation.performance.required') }]}
      >
        <Select options={optionsOf(labels.performance)} aria-label={t('mediation.field.performance')} />
      </Form.Item>,
      text('note', t('mediation.field.note'), 0, false),
    ],
    follow_up: [
      <Form.Item key="dueDays" name="dueDays" label={t('mediation.field.dueDays')}>
        <InputNumber min={1} max={180} precision={0} style={{ width: '100%' }} />
      </Form.Item>,
    ],
    visit: [date('visitedOn', t('mediation.field.visitedOn')), text('note', t('mediation.field.visitNote'), 3)],
    close: [date('closedOn', t('mediation.field.closedOn'))],
    reopen: [date('reopenedOn', t('mediation.field.reopenedOn')), text('reason', t('mediation.field.reason'), 3)],
    aid: [
      <Form.Item
        key="partyId"
        name="partyId"
        label={t('mediation.aid.party')}
        rules={[{ required: true, message: t('form.select', { label: t('mediation.case.parties') }) }]}
      >
        <Select
          options={dto.parties
            .filter((p) => p.kind === 'person')
            .map((p) => ({ value: p.id, label: t('mediation.aid.partyOption', { name: p.name, role: t(`mediation.party.${p.role}`) }) }))}
        />
      </Form.Item>,
      text('matter', t('mediation.field.matter')),
      <Form.Item
        key="hardship"
        name="hardship"
        label={t('mediation.field.hardship')}
        rules={[{ required: true, message: tKey('mediation.aid.hardship.required') }]}
      >
        <Checkbox.Group options={(criteria.data?.aidCriteria ?? []).map((c) => ({ value: c, label: c }))} />
      </Form.Item>,
      date('appliedOn', t('mediation.field.appliedOn')),
    ],
  };
  const today = dayjs();
  return (
    <FormModal title={`${t(STEP_TITLES[step])} · ${dto.caseNo}`} open onClose={onClose} save={save} width={620} testId="case-step-modal">
      <Form<FormValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={Object.fromEntries(DATE_FIELDS.filter((d) => d !== 'performanceDeadline').map((d) => [d, today]))}
      >
        {fields[step]}
      </Form>
    </FormModal>
  );
}
