import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Flex, Select, Space, Tag, type TableColumnsType } from 'antd';
import type { AidDto, AidListDto, AidStatus, AidStep } from '@rg/domain/mediation/aid.schema';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList } from '../../../app/lists/use-paged-list.ts';
import { aidDecisionUrl, mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { MaskedValue } from './masked-value.tsx';
import { AidCreateModal } from './aid-create-modal.tsx';
import { AidStepModal } from './aid-step-modal.tsx';

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
