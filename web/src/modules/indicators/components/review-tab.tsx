import { App, Button, Card, Form, Input, Popconfirm, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ReportDto } from '@rg/domain/indicators/indicators.schema';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { indicatorsApi, indicatorsKeys, recentPeriods, reportingPeriod } from '../api.ts';

const STATUS_COLORS = { submitted: 'processing', approved: 'success', returned: 'error' } as const;

/** 填报审核: completeness of the scope's villages, their forms to approve or return, and the period lock. */
export function ReviewTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(reportingPeriod());
  const [status, setStatus] = useState<string>('submitted');
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<ReportDto | null>(null);
  const filter = status === 'all' ? undefined : status;
  const list = useQuery({
    queryKey: indicatorsKeys.reports(period, filter, page),
    queryFn: () => indicatorsApi.reports(period, filter, page),
  });
  const done = useQuery({ queryKey: indicatorsKeys.completeness(period), queryFn: () => indicatorsApi.completeness(period) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: indicatorsKeys.all });
  const onError = useErrorToast();
  const approve = useMutation({
    mutationFn: (r: ReportDto) => indicatorsApi.review(r.id, 'approve', r.version),
    onSuccess: () => {
      void message.success(t('indicators.review.approved'));
      refresh();
    },
    onError,
  });
  const lock = useMutation({
    mutationFn: () => indicatorsApi.lock(session.scope.code, period),
    onSuccess: () => {
      void message.success(t('indicators.review.lockedAt'));
      refresh();
    },
    onError,
  });
  const yes = (v: boolean) => (v ? t('indicators.yes') : t('indicators.no'));

  const columns: TableColumnsType<ReportDto> = [
    { title: t('indicators.review.unit'), dataIndex: 'unitName', width: 140 },
    { title: t('indicators.report.sixNone'), dataIndex: 'sixNone', width: 110, render: (v: boolean) => yes(v) },
    { title: t('indicators.report.households'), dataIndex: 'households', width: 80, align: 'right' },
    { title: t('indicators.report.safeFamilies'), dataIndex: 'safeFamilies', width: 110, align: 'right' },
    { title: t('indicators.report.centre'), dataIndex: 'centreStandardized', width: 110, render: (v: boolean) => yes(v) },
    { title: t('indicators.report.police'), dataIndex: 'policeOnCommittee', width: 120, render: (v: boolean) => yes(v) },
    {
      title: t('indicators.review.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string, r) => (
        <>
          {dayjs(v).format('YYYY-MM-DD HH:mm')} {!r.onTime && <Tag color="orange">{t('indicators.review.late')}</Tag>}
        </>
      ),
    },
    {
      title: t('indicators.review.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: ReportDto['status']) => <Tag color={STATUS_COLORS[v]}>{t(`indicators.report.status.${v}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_v, r) =>
        r.abilities.review ? (
          <Space>
            <Button
              size="small"
              type="primary"
              loading={approve.isPending && approve.variables?.id === r.id}
              onClick={() => approve.mutate(r)}
            >
              {t('indicators.review.approve')}
            </Button>
            <Button size="small" danger onClick={() => setReturning(r)}>
              {t('indicators.review.return')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <span>{t('indicators.period')}</span>
          <Select
            value={period}
            onChange={(p) => {
              setPeriod(p);
              setPage(1);
            }}
            style={{ width: 120 }}
            options={recentPeriods(8).map((p) => ({ value: p, label: p }))}
          />
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(String(v));
              setPage(1);
            }}
            options={[
              { value: 'submitted', label: t('indicators.report.status.submitted') },
              { value: 'approved', label: t('indicators.report.status.approved') },
              { value: 'returned', label: t('indicators.report.status.returned') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Space>
        {done.data?.locked ? (
          <Tag color="default">{t('indicators.review.locked')}</Tag>
        ) : (
          done.data?.abilities.lock && (
            <Popconfirm
              title={t('indicators.review.lockConfirm')}
              onConfirm={() => lock.mutate()}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button loading={lock.isPending}>{t('indicators.review.lock')}</Button>
            </Popconfirm>
          )
        )}
      </Space>
      {done.data && (
        <Card size="small" data-testid="completeness">
          <Space size={48} wrap>
            <Typography.Text strong>{done.data.name}</Typography.Text>
            <Statistic title={t('indicators.completeness.expected')} value={done.data.expected} />
            <Statistic title={t('indicators.completeness.submitted')} value={done.data.submitted} />
            <Statistic title={t('indicators.completeness.onTime')} value={done.data.onTime} />
            <Statistic title={t('indicators.completeness.approved')} value={done.data.approved} />
          </Space>
        </Card>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ReportDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          data-testid="report-list"
        />
      )}
      <ReturnModal report={returning} onClose={() => setReturning(null)} />
    </Space>
  );
}

function ReturnModal({ report, onClose }: { report: ReportDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useFormSubmit<{ note: string }, unknown>({
    fields: ['note'],
    mutationFn: (values) => indicatorsApi.review(report?.id ?? '', 'return', report?.version ?? 0, values.note),
    successMessage: t('indicators.review.returned'),
    invalidate: indicatorsKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={t('indicators.review.returnTitle', { unit: report?.unitName ?? '' })}
      open={report !== null}
      onClose={onClose}
      save={save}
      okText={t('indicators.review.return')}
    >
      <Form form={save.form} layout="vertical">
        <Form.Item name="note" label={t('indicators.review.note')} rules={[{ required: true, message: t('indicators.report.required') }]}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
