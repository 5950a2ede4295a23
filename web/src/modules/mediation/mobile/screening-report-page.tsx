import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { ScreeningDto } from '@rg/domain/mediation/screening.schema';
import type { CaseType, RiskLevel } from '@rg/domain/mediation/case.schema';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { shortMonth } from '../../../app/i18n/short-month.ts';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';

interface Item {
  caseType: CaseType;
  summary: string;
  peopleCount: number;
  riskLevel: RiskLevel;
}
interface Values {
  villageCode: string;
  period: string;
  nil: boolean;
  items?: Item[];
  note?: string;
}

const BIG = { fontSize: 16 };
const NEW_ITEM: Partial<Item> = { caseType: 'neighbour', peopleCount: 2, riskLevel: 'low' };

/** A month's report is due by the 5th of the next: until then the default is last month's. */
function defaultPeriod(): string {
  const today = dayjs();
  return (today.date() <= 5 ? today.subtract(1, 'month') : today).format('YYYY-MM');
}

/**
 * /m/mediation/screening: 矛盾纠纷排查 from the phone — the village's report for a month: the disputes
 * found, each with its type, people and risk, or an explicit nil report (零报告).
 */
export function ScreeningReportPage() {
  const { t, language } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const [done, setDone] = useState<ScreeningDto | null>(null);
  // One Idempotency-Key per submission, kept across its retries; a new one once it went through (issue 15).
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const periods = useMemo(() => [dayjs().subtract(1, 'month'), dayjs()].map((d) => d.format('YYYY-MM')), []);
  const save = useFormSubmit<Values, ScreeningDto>({
    fields: ['villageCode', 'period', 'nil', 'items', 'note'],
    mutationFn: (v) =>
      mediationApi.submitScreening(
        {
          villageCode: v.villageCode,
          period: v.period,
          nil: v.nil,
          items: v.nil ? [] : (v.items ?? []),
          note: v.note?.trim() || null,
        },
        idempotencyKey,
      ),
    successMessage: t('mediation.screening.submittedOk'),
    invalidate: mediationKeys.all,
    onSuccess: (result) => {
      setDone(result);
      setIdempotencyKey(crypto.randomUUID());
    },
  });
  const nil = Form.useWatch('nil', save.form);
  const label = (key: Parameters<typeof t>[0]) => <span style={BIG}>{t(key)}</span>;
  return (
    <MobilePage title={t('mediation.m.screening')} testId="screening-report">
      {done && (
        <Alert
          type={done.onTime ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12, ...BIG }}
          title={t(done.onTime ? 'mediation.m.screeningOnTime' : 'mediation.m.screeningLate', {
            village: done.villageName,
            period: done.period,
          })}
          data-testid="screening-done"
        />
      )}
      {save.errorMessage && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={save.errorMessage} />}
      <Typography.Paragraph style={{ ...BIG, color: '#555' }}>{t('mediation.m.screeningIntro')}</Typography.Paragraph>
      <Form<Values>
        form={save.form}
        layout="vertical"
        size="large"
        initialValues={{ villageCode: session.scope.code, period: defaultPeriod(), nil: true, items: [NEW_ITEM] }}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="villageCode" label={label('mediation.screening.village')} rules={[{ required: true }]}>
            <RegionPicker initialLabel={session.scope.name} ariaLabel={t('mediation.screening.village')} />
          </Form.Item>
          <Form.Item name="period" label={label('mediation.screening.period')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={periods.map((p) => ({ value: p, label: shortMonth(language, p) }))}
            />
          </Form.Item>
          <Form.Item name="nil" label={label('mediation.m.screeningFound')}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Radio value={true} style={BIG}>
                {t('mediation.m.screeningNil')}
              </Radio>
              <Radio value={false} style={BIG}>
                {t('mediation.m.screeningSome')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        </Card>
        {nil === false && (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={12} style={{ marginBottom: 12 }}>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={<span style={BIG}>{t('mediation.m.screeningItem', { n: i + 1 })}</span>}
                    extra={
                      fields.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('mediation.m.screeningRemove')}
                          onClick={() => remove(field.name)}
                        />
                      )
                    }
                  >
                    <Form.Item name={[field.name, 'caseType']} label={label('mediation.case.type')}>
                      <Select options={optionsOf(labels.caseType)} aria-label={`${t('mediation.case.type')}${i + 1}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'summary']}
                      label={label('mediation.screening.summary')}
                      rules={[{ required: true, message: t('form.fill', { label: t('mediation.screening.summary') }) }]}
                    >
                      <Input.TextArea rows={2} maxLength={200} aria-label={`${t('mediation.screening.summary')}${i + 1}`} style={BIG} />
                    </Form.Item>
                    <Flex gap={12}>
                      <Form.Item name={[field.name, 'peopleCount']} label={label('mediation.case.people')} style={{ flex: 1 }}>
                        <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'riskLevel']} label={label('mediation.case.risk')} style={{ flex: 1 }}>
                        <Select options={optionsOf(labels.risk)} />
                      </Form.Item>
                    </Flex>
                  </Card>
                ))}
                <Button type="dashed" size="large" block icon={<PlusOutlined />} onClick={() => add(NEW_ITEM)}>
                  {t('mediation.screening.addItem')}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
        <Form.Item name="note" label={label('mediation.field.note')}>
          <Input.TextArea rows={2} maxLength={500} aria-label={t('mediation.field.note')} />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        block
        size="large"
        style={{ height: 52, fontSize: 18 }}
        loading={save.pending}
        onClick={() => {
          setDone(null);
          void save.submit();
        }}
      >
        {t('mediation.screening.submit')}
      </Button>
    </MobilePage>
  );
}
