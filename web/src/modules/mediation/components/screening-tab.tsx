import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ScreeningDto, ScreeningRowDto } from '@rg/domain/mediation/screening.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { CaseCreateModal, type CasePreset } from './case-create-modal.tsx';

interface ReportValues {
  villageCode: string;
  nil: boolean;
  items?: { caseType: string; summary: string; peopleCount: number; riskLevel: string }[];
  note?: string;
}

function ReportModal({ period, onClose }: { period: string; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const save = useFormSubmit<ReportValues, unknown>({
    fields: ['villageCode', 'nil', 'items', 'note'],
    mutationFn: (v) =>
      mediationApi.submitScreening({
        villageCode: v.villageCode,
        period,
        nil: v.nil,
        items: v.nil ? [] : (v.items ?? []),
        note: v.note?.trim() || null,
      }),
    successMessage: t('mediation.screening.submittedOk'),
    invalidate: mediationKeys.all,
    onSuccess: onClose,
  });
  const nil = Form.useWatch('nil', save.form);
  return (
    <FormModal
      title={`${t('mediation.screening.submit')}${t('common.parenthesised', { text: period })}`}
      open
      onClose={onClose}
      save={save}
      width={720}
    >
      <Form<ReportValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        initialValues={{ villageCode: session.scope.code, nil: true, items: [{ caseType: 'neighbour', peopleCount: 2, riskLevel: 'low' }] }}
      >
        <Form.Item name="villageCode" label={t('mediation.screening.village')} rules={[{ required: true }]}>
          <RegionPicker initialLabel={session.scope.name} />
        </Form.Item>
        <Form.Item name="nil" label={t('mediation.screening.nil')}>
          <Radio.Group
            options={[
              { value: true, label: t('mediation.screening.nilThisMonth') },
              { value: false, label: t('mediation.m.screeningSome') },
            ]}
          />
        </Form.Item>
        {nil === false && (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Form.Item key={field.key} label=" " colon={false}>
                    <Space wrap>
                      <Form.Item name={[field.name, 'caseType']} noStyle>
                        <Select style={{ width: 150 }} options={optionsOf(labels.caseType)} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'summary']}
                        noStyle
                        rules={[{ required: true, message: t('form.fill', { label: t('mediation.screening.summary') }) }]}
                      >
                        <Input style={{ width: 200 }} placeholder={t('mediation.screening.summary')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'peopleCount']} noStyle>
                        <InputNumber min={1} style={{ width: 70 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'riskLevel']} noStyle>
                        <Select style={{ width: 70 }} options={optionsOf(labels.risk)} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                    </Space>
                  </Form.Item>
                ))}
                <Form.Item label=" " colon={false}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ caseType: 'neighbour', peopleCount: 2, riskLevel: 'low' })}
                  >
                    {t('mediation.screening.addItem')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="note" label={t('mediation.field.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 矛盾纠纷排查: who has reported for a month (expected / submitted / on time), nil reports counted, the missing named. */
export function ScreeningTab() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [reporting, setReporting] = useState(false);
  const [preset, setPreset] = useState<CasePreset | null>(null);
  const period = month.format('YYYY-MM');
  const data = useQuery({
    queryKey: mediationKeys.screening(period),
    queryFn: () => mediationApi.screening(period),
    placeholderData: keepPreviousData,
  });
  const d = data.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Space>
          {t('mediation.screening.period')}
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            onChange={(v) => v && setMonth(v)}
            disabledDate={(v) => v.isAfter(dayjs(), 'month')}
          />
          {d && <Typography.Text type="secondary">{t('mediation.screening.dueOn', { date: d.dueOn })}</Typography.Text>}
        </Space>
        {d?.abilities.submit && (
          <Button type="primary" onClick={() => setReporting(true)}>
            {t('mediation.screening.submit')}
          </Button>
        )}
      </Flex>
      {data.isPending ? (
        <Skeleton active />
      ) : data.error ? (
        <LoadError error={data.error} onRetry={() => void data.refetch()} />
      ) : d ? (
        <>
          <Row gutter={16} data-testid="screening-figures">
            {(
              [
                ['expected', d.expected],
                ['submitted', d.submitted],
                ['onTime', d.onTime],
                ['late', d.late],
                ['missing', d.missing],
                ['disputes', d.disputes],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={8} md={4}>
                <Statistic
                  title={t(`mediation.screening.${key}`)}
                  value={value}
                  valueStyle={key === 'missing' && value > 0 ? { color: '#cf1322' } : undefined}
                />
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Table<ScreeningRowDto>
                size="small"
                rowKey="code"
                dataSource={d.children}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                columns={[
                  { title: t('mediation.stats.region'), dataIndex: 'name' },
                  { title: t('mediation.screening.expected'), dataIndex: 'expected', width: 70 },
                  { title: t('mediation.screening.submitted'), dataIndex: 'submitted', width: 70 },
                  { title: t('mediation.screening.onTime'), dataIndex: 'onTime', width: 70 },
                  { title: t('mediation.screening.nil'), dataIndex: 'nil', width: 70 },
                  { title: t('mediation.screening.disputes'), dataIndex: 'disputes', width: 110 },
                ]}
              />
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={`${t('mediation.screening.missingList')}${t('common.parenthesised', { text: d.missing })}`}>
                {d.missingVillages.length === 0 ? (
                  <Typography.Text type="success">{t('mediation.screening.allIn')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={d.missingVillages}
                    pagination={{ pageSize: 8, size: 'small' }}
                    renderItem={(v) => (
                      <List.Item>
                        <Tag color="red">{t('mediation.screening.missing')}</Tag>
                        {v.path}
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Table<ScreeningDto>
            size="small"
            rowKey="id"
            data-testid="screening-reports"
            title={() => (
              <Typography.Text strong>
                {t('mediation.screening.reports')}
                {t('common.parenthesised', { text: d.submitted })}
              </Typography.Text>
            )}
            dataSource={d.reports}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('mediation.screening.village'), dataIndex: 'villageName', width: 140 },
              {
                title: t('mediation.screening.submitted'),
                dataIndex: 'submittedOn',
                width: 150,
                render: (v: string, r) => (
                  <>
                    {v}{' '}
                    {r.onTime ? (
                      <Tag color="green">{t('mediation.screening.onTime')}</Tag>
                    ) : (
                      <Tag color="orange">{t('mediation.screening.late')}</Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('mediation.screening.found'),
                render: (_v, r) =>
                  r.nil ? (
                    <Tag>{t('mediation.screening.nil')}</Tag>
                  ) : (
                    <Space orientation="vertical" size={4}>
                      {r.items.map((item, i) => (
                        <Space key={i} wrap>
                          <Tag>{labels.caseType[item.caseType]}</Tag>
                          {t('mediation.screening.item', { summary: item.summary, count: item.peopleCount })}
                          {d.abilities.registerCase && (
                            <Button
                              size="small"
                              onClick={() =>
                                setPreset({
                                  regionCode: r.villageCode,
                                  regionLabel: r.villageName,
                                  screeningId: r.id,
                                  caseType: item.caseType,
                                  description: item.summary,
                                  peopleCount: item.peopleCount,
                                  riskLevel: item.riskLevel,
                                })
                              }
                            >
                              {t('mediation.screening.toCase')}
                            </Button>
                          )}
                        </Space>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </>
      ) : null}
      {reporting && <ReportModal period={period} onClose={() => setReporting(false)} />}
      {preset && <CaseCreateModal open preset={preset} onClose={() => setPreset(null)} onCreated={() => setPreset(null)} />}
    </Space>
  );
}
