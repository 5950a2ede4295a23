import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { CaseRegisteredDto, CaseSource, CaseType, RiskLevel } from '@rg/domain/mediation/case.schema';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { optionsOf, useMediationLabels } from '../labels.ts';
import { partyBody, type PartyValues } from '../components/party-fields.tsx';

interface Values {
  regionCode: string;
  caseType: CaseType;
  source: CaseSource;
  description: string;
  peopleCount: number;
  riskLevel: RiskLevel;
  applicant: Pick<PartyValues, 'name' | 'idNumber' | 'phone' | 'address'>;
  respondent: Pick<PartyValues, 'name' | 'phone' | 'address'>;
}

const FIELDS = [
  'regionCode',
  'caseType',
  'source',
  'description',
  'peopleCount',
  'riskLevel',
  'parties',
  'riskReasons',
  'registeredOn',
] as const;
const BIG = { fontSize: 16 };
/** Sources a mediator meets on the spot; referrals come with papers and are registered in the console. */
const ON_THE_SPOT: CaseSource[] = ['application', 'screening', 'initiative'];

/**
 * /m/mediation/new: 登记纠纷 where it happens — the place, what it is about, how serious, and the two
 * sides (persons; an organisation or more parties are added in the console). Registered today; one
 * Idempotency-Key per visit, so a retry on a weak signal does not register the dispute twice.
 */
export function MediatorCaseFormPage() {
  const { t, tKey } = useI18n();
  const labels = useMediationLabels();
  const session = useSession();
  const navigate = useNavigate();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const save = useFormSubmit<Values, CaseRegisteredDto>({
    fields: FIELDS,
    mutationFn: (v) =>
      mediationApi.register(
        {
          regionCode: v.regionCode,
          caseType: v.caseType,
          source: v.source,
          description: v.description.trim(),
          peopleCount: v.peopleCount,
          riskLevel: v.riskLevel,
          riskReasons: [],
          criminalRisk: false,
          registeredOn: dayjs().format('YYYY-MM-DD'),
          amountFen: null,
          parties: [
            partyBody({ ...v.applicant, kind: 'person', role: 'applicant' }),
            partyBody({ ...v.respondent, kind: 'person', role: 'respondent' }),
          ],
        },
        idempotencyKey,
      ),
    successMessage: t('mediation.case.saved'),
    invalidate: mediationKeys.all,
    onSuccess: (result) => void navigate(`/m/mediation/cases/${result.id}`, { replace: true }),
  });
  const label = (key: Parameters<typeof t>[0]) => <span style={BIG}>{t(key)}</span>;
  return (
    <MobilePage title={t('mediation.case.register')} back="/m/mediation/cases" testId="mediator-case-form">
      {save.errorMessage && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={save.errorMessage} />}
      <Form<Values>
        form={save.form}
        layout="vertical"
        size="large"
        initialValues={{ regionCode: session.scope.code, caseType: 'neighbour', source: 'application', peopleCount: 2, riskLevel: 'low' }}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="regionCode" label={label('mediation.case.place')} rules={[{ required: true }]}>
            <RegionPicker initialLabel={session.scope.name} ariaLabel={t('mediation.case.place')} />
          </Form.Item>
          <Form.Item name="caseType" label={label('mediation.case.type')} rules={[{ required: true }]}>
            <Select options={optionsOf(labels.caseType)} aria-label={t('mediation.case.type')} />
          </Form.Item>
          <Form.Item name="source" label={label('mediation.case.source')}>
            <Radio.Group options={ON_THE_SPOT.map((value) => ({ value, label: labels.source[value] }))} />
          </Form.Item>
          <Form.Item
            name="description"
            label={label('mediation.case.description')}
            rules={[{ required: true, message: tKey('mediation.description.required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} aria-label={t('mediation.case.description')} style={BIG} />
          </Form.Item>
          <Form.Item name="peopleCount" label={label('mediation.case.people')}>
            <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} aria-label={t('mediation.case.people')} />
          </Form.Item>
          <Form.Item name="riskLevel" label={label('mediation.case.risk')} extra={t('mediation.m.riskHint')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(labels.risk)} />
          </Form.Item>
        </Card>
        <Card size="small" title={<span style={BIG}>{t('mediation.m.applicant')}</span>} style={{ marginBottom: 12 }}>
          <Form.Item
            name={['applicant', 'name']}
            label={label('mediation.party.name')}
            rules={[{ required: true, message: t('mediation.party.nameRequired') }]}
          >
            <Input aria-label={t('mediation.m.applicantName')} />
          </Form.Item>
          <Form.Item name={['applicant', 'phone']} label={label('mediation.party.phone')}>
            <Input inputMode="tel" aria-label={t('mediation.m.applicantPhone')} />
          </Form.Item>
          <Form.Item name={['applicant', 'idNumber']} label={label('mediation.party.idNumber')}>
            <Input aria-label={t('mediation.m.applicantId')} />
          </Form.Item>
          <Form.Item name={['applicant', 'address']} label={label('mediation.party.address')}>
            <Input aria-label={t('mediation.m.applicantAddress')} />
          </Form.Item>
        </Card>
        <Card size="small" title={<span style={BIG}>{t('mediation.m.respondent')}</span>} style={{ marginBottom: 12 }}>
          <Form.Item
            name={['respondent', 'name']}
            label={label('mediation.party.name')}
            rules={[{ required: true, message: t('mediation.party.nameRequired') }]}
          >
            <Input aria-label={t('mediation.m.respondentName')} />
          </Form.Item>
          <Form.Item name={['respondent', 'phone']} label={label('mediation.party.phone')}>
            <Input inputMode="tel" aria-label={t('mediation.m.respondentPhone')} />
          </Form.Item>
          <Form.Item name={['respondent', 'address']} label={label('mediation.party.address')}>
            <Input aria-label={t('mediation.m.respondentAddress')} />
          </Form.Item>
        </Card>
      </Form>
      <Button
        type="primary"
        block
        size="large"
        style={{ height: 52, fontSize: 18 }}
        loading={save.pending}
        onClick={() => void save.submit()}
      >
        {t('mediation.m.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('mediation.m.formHint')}
      </Typography.Paragraph>
    </MobilePage>
  );
}
