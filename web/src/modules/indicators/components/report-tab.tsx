import { Alert, Button, Card, Form, InputNumber, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReportFormDto } from '@rg/domain/indicators/indicators.schema';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { indicatorsApi, indicatorsKeys, recentPeriods, reportingPeriod } from '../api.ts';

interface Values {
  sixNone: boolean;
  households: number;
  safeFamilies: number;
  centreStandardized: boolean;
  policeOnCommittee: boolean;
}
const FIELDS = ['sixNone', 'households', 'safeFamilies', 'centreStandardized', 'policeOnCommittee', 'period'] as const;

/** 平安乡村填报: the village's own quarterly form (P3.3(三)2). */
export function ReportTab() {
  const { t } = useI18n();
  const session = useSession();
  const unitCode = session.user.regionCode;
  const [period, setPeriod] = useState(reportingPeriod());
  const form = useQuery({ queryKey: indicatorsKeys.form(unitCode, period), queryFn: () => indicatorsApi.form(unitCode, period) });
  if (session.scope.level !== 'village') return <Alert type="info" showIcon title={t('indicators.report.onlyVillage')} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
      <Space>
        <span>{t('indicators.period')}</span>
        <Select
          value={period}
          onChange={setPeriod}
          style={{ width: 120 }}
          options={recentPeriods(8)
            .slice(1)
            .map((p) => ({ value: p, label: p }))}
          data-testid="report-period"
        />
      </Space>
      {form.isPending ? (
        <Skeleton active />
      ) : form.error ? (
        <LoadError error={form.error} onRetry={() => void form.refetch()} />
      ) : (
        <ReportForm key={`${period}-${form.data.report?.version ?? 0}`} data={form.data} />
      )}
    </Space>
  );
}

function ReportForm({ data }: { data: ReportFormDto }) {
  const { t } = useI18n();
  const report = data.report;
  const readOnly = !data.abilities.submit;
  const save = useFormSubmit<Values, unknown>({
    fields: FIELDS,
    mutationFn: (values) =>
      indicatorsApi.submit({ unitCode: data.unitCode, period: data.period, ...values, ...(report ? { version: report.version } : {}) }),
    successMessage: t('indicators.report.submitted'),
    invalidate: indicatorsKeys.all,
    onSuccess: () => undefined,
  });
  const yesNo = [
    { value: true, label: t('indicators.yes') },
    { value: false, label: t('indicators.no') },
  ];
  const required = [{ required: true, message: t('indicators.report.required') }];

  return (
    <Card
      title={t('indicators.report.title', { unit: data.unitName, period: data.period })}
      extra={<Typography.Text type="secondary">{t('indicators.report.due', { date: data.dueDate })}</Typography.Text>}
      data-testid="report-form"
    >
      {data.locked && <Alert type="warning" showIcon title={t('indicators.report.locked')} style={{ marginBottom: 16 }} />}
      {report?.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          title={t('indicators.report.approvedInfo', { by: report.reviewedBy ?? '' })}
          style={{ marginBottom: 16 }}
        />
      )}
      {report?.status === 'submitted' && !data.locked && (
        <Alert type="info" showIcon title={t('indicators.report.submitted')} style={{ marginBottom: 16 }} data-testid="report-status" />
      )}
      {report?.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title={t('indicators.report.returnedInfo', { note: report.reviewNote ?? '' })}
          style={{ marginBottom: 16 }}
        />
      )}
      <ErrorAlert message={save.errorMessage} testId="form-error" />
      <Form<Values>
        form={save.form}
        layout="vertical"
        disabled={readOnly}
        initialValues={
          report
            ? {
                sixNone: report.sixNone,
                households: report.households,
                safeFamilies: report.safeFamilies,
                centreStandardized: report.centreStandardized,
                policeOnCommittee: report.policeOnCommittee,
              }
            : undefined
        }
      >
        <Form.Item name="sixNone" label={t('indicators.report.sixNone')} extra={t('indicators.report.sixNoneHelp')} rules={required}>
          <Radio.Group options={yesNo} optionType="button" buttonStyle="solid" size="large" />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="households" label={t('indicators.report.households')} rules={required}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: 180 }} size="large" />
          </Form.Item>
          <Form.Item name="safeFamilies" label={t('indicators.report.safeFamilies')} rules={required}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 180 }} size="large" />
          </Form.Item>
        </Space>
        <Form.Item name="centreStandardized" label={t('indicators.report.centre')} rules={required}>
          <Radio.Group options={yesNo} optionType="button" buttonStyle="solid" size="large" />
        </Form.Item>
        <Form.Item name="policeOnCommittee" label={t('indicators.report.police')} rules={required}>
          <Radio.Group options={yesNo} optionType="button" buttonStyle="solid" size="large" />
        </Form.Item>
        {!readOnly && (
          <Button type="primary" size="large" loading={save.pending} onClick={() => void save.submit()}>
            {report ? t('indicators.report.resubmit') : t('indicators.report.submit')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
