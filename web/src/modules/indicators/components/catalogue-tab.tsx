import { Button, DatePicker, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { IndicatorDto, TargetDto } from '@rg/domain/indicators/indicators.schema';
import type { Comparison } from '@rg/domain/indicators/catalogue';
import type { Dayjs } from 'dayjs';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useIndicatorTexts } from '../labels.ts';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { formatValue, indicatorsApi, indicatorsKeys } from '../api.ts';

/** 指标目录: every indicator with its definition and source, and the targets set for the scope and above. */
export function CatalogueTab() {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  const session = useSession();
  const catalogue = useQuery({ queryKey: indicatorsKeys.catalogue, queryFn: indicatorsApi.catalogue });
  const targets = useQuery({ queryKey: indicatorsKeys.targets, queryFn: indicatorsApi.targets });
  const [adding, setAdding] = useState(false);
  if (catalogue.error) return <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const byCode = new Map((catalogue.data?.items ?? []).map((i) => [i.code, i]));

  const columns: TableColumnsType<IndicatorDto> = [
    { title: t('indicators.catalogue.name'), dataIndex: 'name', width: 200, render: (_v, i) => texts.name(i) },
    { title: t('indicators.catalogue.definition'), dataIndex: 'definition', render: (_v, i) => texts.definition(i) },
    { title: t('indicators.catalogue.unit'), dataIndex: 'unit', width: 80, render: (u: IndicatorDto['unit']) => t(`indicators.unit.${u}`) },
    {
      title: t('indicators.catalogue.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: IndicatorDto['kind']) => <Tag color={k === 'reported' ? 'blue' : 'purple'}>{t(`indicators.kind.${k}`)}</Tag>,
    },
    { title: t('indicators.catalogue.clause'), dataIndex: 'clause', width: 110 },
    {
      title: t('indicators.catalogue.code'),
      dataIndex: 'code',
      width: 220,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
  ];
  const targetColumns: TableColumnsType<TargetDto> = [
    {
      title: t('indicators.catalogue.name'),
      dataIndex: 'indicatorCode',
      render: (c: string) => {
        const indicator = byCode.get(c);
        return indicator ? texts.name(indicator) : c;
      },
    },
    { title: t('indicators.target.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('indicators.target.value'),
      key: 'value',
      width: 140,
      render: (_v, row) =>
        `${t(`indicators.comparison.${row.comparison}`)} ${formatValue(byCode.get(row.indicatorCode)?.unit ?? 'count', row.value)}`,
    },
    { title: t('indicators.target.due'), dataIndex: 'dueDate', width: 120 },
    {
      title: t('indicators.target.program'),
      dataIndex: 'programCode',
      width: 140,
      render: (p: string | null) => p ?? t('indicators.target.allPrograms'),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<IndicatorDto>
        rowKey="code"
        size="small"
        loading={catalogue.isPending}
        columns={columns}
        dataSource={catalogue.data?.items ?? []}
        pagination={false}
        data-testid="catalogue"
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('indicators.targets')}
        </Typography.Title>
        {session.permissions.includes('indicators.manage') && <Button onClick={() => setAdding(true)}>{t('indicators.target.add')}</Button>}
      </Space>
      {targets.error ? (
        <LoadError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <Table<TargetDto>
          rowKey="id"
          size="small"
          loading={targets.isPending}
          columns={targetColumns}
          dataSource={targets.data?.items ?? []}
          pagination={false}
        />
      )}
      <TargetModal open={adding} onClose={() => setAdding(false)} indicators={catalogue.data?.items ?? []} />
    </Space>
  );
}

interface TargetValues {
  indicatorCode: string;
  comparison: Comparison;
  value: number;
  dueDate: Dayjs;
}

function TargetModal({ open, onClose, indicators }: { open: boolean; onClose: () => void; indicators: IndicatorDto[] }) {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  const session = useSession();
  const save = useFormSubmit<TargetValues, TargetDto>({
    fields: ['indicatorCode', 'comparison', 'value', 'dueDate'],
    mutationFn: (v) =>
      indicatorsApi.createTarget({
        indicatorCode: v.indicatorCode,
        regionCode: session.scope.code,
        comparison: v.comparison,
        value: v.value,
        dueDate: v.dueDate.format('YYYY-MM-DD'),
      }),
    successMessage: t('common.saved'),
    invalidate: indicatorsKeys.all,
    onSuccess: onClose,
  });
  const required = [{ required: true, message: t('indicators.report.required') }];
  return (
    <FormModal title={t('indicators.target.addFor', { region: session.scope.name })} open={open} onClose={onClose} save={save}>
      <Form form={save.form} {...MODAL_FORM_LAYOUT} initialValues={{ comparison: 'gte' }}>
        <Form.Item name="indicatorCode" label={t('indicators.catalogue.name')} rules={required}>
          <Select options={indicators.map((i) => ({ value: i.code, label: texts.name(i) }))} />
        </Form.Item>
        <Form.Item name="comparison" label={t('indicators.target.comparison')} rules={required}>
          <Select
            options={(['gte', 'lte', 'eq'] as const).map((c) => ({ value: c, label: t(`indicators.comparison.${c}`) }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item name="value" label={t('indicators.target.value')} rules={required}>
          <InputNumber min={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('indicators.target.due')} rules={required}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
