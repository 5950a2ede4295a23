import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AidDto, AidListDto, AidStatus, AidStep } from '@rg/domain/mediation/aid.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList } from '../../../app/lists/use-paged-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { aidDecisionUrl, mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { MaskedValue } from './masked-value.tsx';

type Values = Record<string, string | boolean | string[] | Dayjs | undefined>;
const toBody = (v: Values) =>
  Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== '')
      .map(([k, x]) => [k, dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : x]),
  );

function AidCreateModal({ onClose }: { onClose: () => void }) {
  const { t, tKey } = useI18n();
  const session = useSession();
  const criteria = useQuery({ queryKey: mediationKeys.settings(), queryFn: () => mediationApi.settings() });
  const save = useFormSubmit<Values, AidDto>({
    fields: ['regionCode', 'applicantName', 'idNumber', 'phone', 'address', 'matter', 'facts', 'hardship', 'appliedOn'],
    mutationFn: (v) => mediationApi.createAid(toBody(v)),
    successMessage: t('mediation.aid.created'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal title={t('mediation.aid.create')} open onClose={onClose} save={save} width={640}>
      <Form<Values> form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ regionCode: session.scope.code, appliedOn: dayjs() }}>
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

function AidStepModal({ aid, step, onClose }: { aid: AidDto; step: AidStep; onClose: () => void }) {
  const { t, tKey } = useI18n();
  const labels = useMediationLabels();
  const save = useFormSubmit<Values, AidDto>({
    fields: [
      'approve',
      'reason',
      'reviewedOn',
      'assigneeName',
      'assigneeKind',
      'assignedOn',
      'result',
      'resultNote',
      'closedOn',
      'hardship',
    ],
    mutationFn: (v) => mediationApi.aidStep(aid.id, step, toBody(v)),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  const today = dayjs();
  return (
    <FormModal title={`${t(`mediation.aid.${step}`)} · ${aid.applicantName}`} open onClose={onClose} save={save}>
      <Form<Values>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={{ approve: true, reviewedOn: today, assignedOn: today, closedOn: today, assigneeKind: 'lawyer' }}
      >
        {step === 'review' && (
          <>
            <Form.Item name="approve" label={t('mediation.aid.review')}>
              <Radio.Group
                options={[
                  { value: true, label: t('mediation.aid.approve') },
                  { value: false, label: t('mediation.aid.reject') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('mediation.field.reason')}
              rules={[{ required: true, message: tKey('mediation.aid.reason.required') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="reviewedOn" label={t('mediation.aid.reviewedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {step === 'assign' && (
          <>
            <Form.Item
              name="assigneeName"
              label={t('mediation.aid.assignee')}
              rules={[{ required: true, message: t('form.fill', { label: t('mediation.aid.assignee') }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="assigneeKind" label={t('mediation.aid.assigneeKind')}>
              <Select options={optionsOf(labels.assignee)} />
            </Form.Item>
            <Form.Item name="assignedOn" label={t('mediation.aid.assignedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {step === 'close' && (
          <>
            <Form.Item
              name="result"
              label={t('mediation.aid.result')}
              rules={[{ required: true, message: tKey('mediation.aid.result.required') }]}
            >
              <Select options={optionsOf(labels.aidResult)} />
            </Form.Item>
            <Form.Item name="resultNote" label={t('mediation.field.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="closedOn" label={t('mediation.case.closedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}

const AID_COLORS: Record<AidStatus, string> = {
  applied: 'blue',
  approved: 'cyan',
  rejected: 'default',
  assigned: 'processing',
  closed: 'green',
};

/** 法律援助: applications with review, assignment and result; those started from a failed mediation link to it. */
export function AidTab() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<AidDto | null>(null);
  const [step, setStep] = useState<AidStep | null>(null);
  const list = usePagedList<
    { status?: AidStatus },
    { status?: AidStatus; page: number; pageSize: number },
    AidDto,
    Pick<AidListDto, 'abilities'>
  >({
    toQuery: (f, p) => ({ ...f, ...p }),
    queryKey: (q) => mediationKeys.aid(q.status, q.page),
    queryFn: (q) => mediationApi.aid(q.status, q.page),
  });
  const current = open ? (list.paged.items.find((a) => a.id === open.id) ?? open) : null;
  const columns: TableColumnsType<AidDto> = [
    {
      title: t('mediation.aid.applicant'),
      dataIndex: 'applicantName',
      width: 100,
      render: (_v, a) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(a)}>
          {a.applicantName}
        </Button>
      ),
    },
    { title: t('mediation.case.place'), dataIndex: ['region', 'path'], ellipsis: true },
    { title: t('mediation.aid.matter'), dataIndex: 'matter', width: 160, ellipsis: true },
    { title: t('mediation.aid.fromCase'), dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('mediation.aid.appliedOn'), dataIndex: 'appliedOn', width: 110 },
    {
      title: t('mediation.aid.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: AidStatus) => <Tag color={AID_COLORS[v]}>{labels.aidStatus[v]}</Tag>,
    },
  ];
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('mediation.aid.status')}
          style={{ width: 140 }}
          options={optionsOf(labels.aidStatus)}
          onChange={(status) => list.setFilters({ status })}
        />
        {list.answer?.abilities.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('mediation.aid.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <PagedTable<AidDto> rowKey="id" columns={columns} paged={list.paged} emptyText={t('mediation.aid.empty')} />
      {creating && <AidCreateModal onClose={() => setCreating(false)} />}
      <Drawer open={current !== null} onClose={() => setOpen(null)} size={560} title={current?.applicantName} destroyOnHidden>
        {current && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Flex gap={8} wrap>
              {current.abilities.steps.map((s) => (
                <Button key={s} type="primary" onClick={() => setStep(s)}>
                  {t(`mediation.aid.${s}`)}
                </Button>
              ))}
              {current.abilities.decision && (
                <Button icon={<DownloadOutlined />} href={aidDecisionUrl(current.id)} data-testid="aid-decision">
                  {t('mediation.aid.decision')}
                </Button>
              )}
            </Flex>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                {
                  key: 'status',
                  label: t('mediation.aid.status'),
                  children: <Tag color={AID_COLORS[current.status]}>{labels.aidStatus[current.status]}</Tag>,
                },
                {
                  key: 'id',
                  label: t('mediation.mediator.idNumber'),
                  children: (
                    <MaskedValue
                      masked={current.idNumber}
                      canReveal={current.abilities.reveal}
                      label={t('mediation.mediator.idNumber')}
                      reveal={() => mediationApi.revealAid(current.id, 'idNumber')}
                    />
                  ),
                },
                {
                  key: 'phone',
                  label: t('mediation.mediator.phone'),
                  children: (
                    <MaskedValue
                      masked={current.phone}
                      canReveal={current.abilities.reveal}
                      label={t('mediation.mediator.phone')}
                      reveal={() => mediationApi.revealAid(current.id, 'phone')}
                    />
                  ),
                },
                { key: 'matter', label: t('mediation.aid.matter'), children: current.matter },
                { key: 'facts', label: t('mediation.aid.facts'), children: current.facts },
                { key: 'hardship', label: t('mediation.field.hardship'), children: current.hardship.join(t('common.listSeparator')) },
                {
                  key: 'review',
                  label: t('mediation.aid.review'),
                  children: current.review
                    ? t('mediation.aid.reviewSummary', {
                        decision: t(current.review.approved ? 'mediation.aid.approved' : 'mediation.aid.reject'),
                        reason: current.review.reason,
                        date: current.review.reviewedOn,
                      })
                    : '—',
                },
                {
                  key: 'assign',
                  label: t('mediation.aid.assignee'),
                  children: current.assignment
                    ? t('mediation.aid.assignSummary', {
                        name: current.assignment.name,
                        kind: labels.assignee[current.assignment.kind],
                        date: current.assignment.assignedOn,
                      })
                    : '—',
                },
                {
                  key: 'result',
                  label: t('mediation.aid.result'),
                  children: current.result
                    ? t('mediation.aid.resultSummary', { result: labels.aidResult[current.result.result], date: current.result.closedOn })
                    : '—',
                },
              ]}
            />
          </Space>
        )}
      </Drawer>
      {current && step && (
        <AidStepModal
          aid={current}
          step={step}
          onClose={() => {
            setStep(null);
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
