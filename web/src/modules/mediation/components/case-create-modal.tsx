import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import type { CaseRegisteredDto, CaseSource, CaseType, Referrer, RiskLevel, RiskReason } from '@rg/domain/mediation/case.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { PartyFields, partyBody, type PartyValues } from './party-fields.tsx';

interface Values {
  regionCode: string;
  caseType: CaseType;
  source: CaseSource;
  referrer?: Referrer;
  description: string;
  amountYuan?: number | null;
  peopleCount: number;
  riskLevel: RiskLevel;
  riskReasons?: RiskReason[];
  criminalRisk?: boolean;
  registeredOn: Dayjs;
  parties: PartyValues[];
}

const FIELDS = [
  'regionCode',
  'caseType',
  'source',
  'referrer',
  'description',
  'amountFen',
  'peopleCount',
  'riskLevel',
  'riskReasons',
  'criminalRisk',
  'registeredOn',
  'parties',
] as const;

/** A case started from elsewhere (a screening report's item): the fields it fills in. */
export interface CasePreset {
  regionCode: string;
  regionLabel: string;
  screeningId: string;
  caseType: CaseType;
  description: string;
  peopleCount: number;
  riskLevel: RiskLevel;
}

function toBody(values: Values, screeningId?: string) {
  return {
    ...(screeningId ? { screeningId } : {}),
    regionCode: values.regionCode,
    caseType: values.caseType,
    source: values.source,
    ...(values.source === 'referral' && values.referrer ? { referrer: values.referrer } : {}),
    description: values.description.trim(),
    amountFen: values.amountYuan === undefined || values.amountYuan === null ? null : Math.round(values.amountYuan * 100),
    peopleCount: values.peopleCount,
    riskLevel: values.riskLevel,
    riskReasons: values.riskReasons ?? [],
    criminalRisk: values.criminalRisk ?? false,
    registeredOn: values.registeredOn.format('YYYY-MM-DD'),
    parties: values.parties.map(partyBody),
  };
}

/** 登记纠纷 (受理): the place, type, source, facts, risk with its reasons, and both sides. */
export function CaseCreateModal({
  open,
  onClose,
  onCreated,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  preset?: CasePreset;
}) {
  const { t, tKey } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const save = useFormSubmit<Values, CaseRegisteredDto>({
    fields: FIELDS,
    mutationFn: (values) => mediationApi.register(toBody(values, preset?.screeningId)),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: (result) => onCreated(result.id),
  });
  const source = Form.useWatch('source', save.form);

  return (
    <FormModal title={t('mediation.case.register')} open={open} onClose={onClose} save={save} width={860} testId="case-create-modal">
      <Form<Values>
        form={save.form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 20 }}
        preserve={false}
        initialValues={{
          regionCode: session.scope.code,
          source: 'application',
          riskLevel: 'low',
          peopleCount: 2,
          registeredOn: dayjs(),
          criminalRisk: false,
          parties: [
            { kind: 'person', role: 'applicant' },
            { kind: 'person', role: 'respondent' },
          ],
          ...(preset
            ? {
                regionCode: preset.regionCode,
                source: 'screening',
                caseType: preset.caseType,
                description: preset.description,
                peopleCount: preset.peopleCount,
                riskLevel: preset.riskLevel,
              }
            : {}),
        }}
      >
        <Form.Item name="regionCode" label={t('mediation.case.place')} rules={[{ required: true }]}>
          <RegionPicker
            initialLabel={preset?.regionLabel ?? session.scope.name}
            testId="case-region-picker"
            ariaLabel={t('mediation.case.place')}
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="caseType"
            label={t('mediation.case.type')}
            rules={[{ required: true, message: tKey('mediation.caseType.required') }]}
            labelCol={{ span: 8 }}
            wrapperCol={{ span: 16 }}
            style={{ width: '50%' }}
          >
            <Select options={optionsOf(labels.caseType)} aria-label={t('mediation.case.type')} />
          </Form.Item>
          <Form.Item
            name="registeredOn"
            label={t('mediation.case.registeredOn')}
            rules={[{ required: true }]}
            labelCol={{ span: 8 }}
            wrapperCol={{ span: 16 }}
            style={{ width: '50%' }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="source" label={t('mediation.case.source')}>
          <Radio.Group options={optionsOf(labels.source)} />
        </Form.Item>
        {source === 'referral' && (
          <Form.Item
            name="referrer"
            label={t('mediation.case.referrer')}
            rules={[{ required: true, message: t('form.select', { label: t('mediation.case.referrer') }) }]}
          >
            <Select options={optionsOf(labels.referrer)} />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('mediation.case.description')}
          rules={[{ required: true, message: tKey('mediation.description.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} aria-label={t('mediation.case.description')} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="amountYuan"
            label={t('mediation.case.amount')}
            labelCol={{ span: 8 }}
            wrapperCol={{ span: 16 }}
            style={{ width: '50%' }}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="peopleCount"
            label={t('mediation.case.people')}
            labelCol={{ span: 8 }}
            wrapperCol={{ span: 16 }}
            style={{ width: '50%' }}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="riskLevel" label={t('mediation.case.risk')}>
          <Radio.Group options={optionsOf(labels.risk)} />
        </Form.Item>
        <Form.Item name="riskReasons" label={t('mediation.case.riskReasons')}>
          <Checkbox.Group options={optionsOf(labels.reason)} />
        </Form.Item>
        <Form.Item name="criminalRisk" label={t('mediation.case.criminalRisk')} valuePropName="checked">
          <Switch aria-label={t('mediation.case.criminalRisk')} />
        </Form.Item>
        <PartyFields />
      </Form>
    </FormModal>
  );
}
