import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { AdvisorCategory, AdvisorDto, AdvisorStatus } from '@rg/domain/legal/advisor.schema';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalApi, legalKeys, type AdvisorCreateInput, type AdvisorUpdateInput } from '../api.ts';
import { fenToYuan, yuanToFen } from '../money.ts';
import { categoryOptions, statusOptions } from './advisor-labels.ts';
import { AdvisorAccountSelect } from './advisor-account-select.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';

interface Values {
  regionCode: string;
  name: string;
  gender: 'male' | 'female';
  phone?: string;
  idNumber?: string;
  category: AdvisorCategory;
  employerName?: string;
  employerUscc?: string;
  licenceNo?: string;
  contract?: [Dayjs | null, Dayjs | null] | null;
  /** Kept in 分; the input shows and takes 元. */
  contractFeeFen?: number | null;
  status?: AdvisorStatus;
  /** 关联账号 (edit only). */
  userId?: string | null;
}

const FIELDS = [
  'regionCode',
  'name',
  'gender',
  'phone',
  'idNumber',
  'category',
  'employerName',
  'employerUscc',
  'licenceNo',
  'contract',
  'contractFeeFen',
  'status',
  'userId',
] as const;

/** The server names the contract dates apart; the form shows them as one range. */
const FIELD_ALIASES = { contractStart: 'contract', contractEnd: 'contract' } as const;

const DATE = 'YYYY-MM-DD';

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function period(values: Values): { contractStart: string | null; contractEnd: string | null } {
  const [start, end] = values.contract ?? [null, null];
  return { contractStart: start ? start.format(DATE) : null, contractEnd: end ? end.format(DATE) : null };
}

function toCreate(values: Values): AdvisorCreateInput {
  const { contractStart, contractEnd } = period(values);
  const input: AdvisorCreateInput = {
    regionCode: values.regionCode,
    name: values.name.trim(),
    gender: values.gender,
    phone: values.phone?.trim() ?? '',
    idNumber: values.idNumber?.trim() ?? '',
    category: values.category,
  };
  const optional = {
    employerName: text(values.employerName),
    employerUscc: text(values.employerUscc),
    licenceNo: text(values.licenceNo),
    contractStart,
    contractEnd,
    contractFeeFen: values.contractFeeFen ?? null,
  };
  for (const [name, value] of Object.entries(optional)) if (value !== null) Object.assign(input, { [name]: value });
  return input;
}

/** Only what changed, so a concurrent edit of another field is not overwritten. */
function toUpdate(advisor: AdvisorDto, values: Values): AdvisorUpdateInput {
  const input: AdvisorUpdateInput = { version: advisor.version };
  const { contractStart, contractEnd } = period(values);
  const name = values.name.trim();
  if (name !== advisor.name) input.name = name;
  if (values.gender !== advisor.gender) input.gender = values.gender;
  if (values.category !== advisor.category) input.category = values.category;
  if (text(values.phone)) input.phone = text(values.phone) ?? undefined;
  if (text(values.idNumber)) input.idNumber = text(values.idNumber) ?? undefined;
  if (text(values.employerName) !== advisor.employerName) input.employerName = text(values.employerName);
  if (text(values.employerUscc) !== advisor.employerUscc) input.employerUscc = text(values.employerUscc);
  if (text(values.licenceNo) !== advisor.licenceNo) input.licenceNo = text(values.licenceNo);
  if (contractStart !== advisor.contractStart) input.contractStart = contractStart;
  if (contractEnd !== advisor.contractEnd) input.contractEnd = contractEnd;
  if ((values.contractFeeFen ?? null) !== advisor.contractFeeFen) input.contractFeeFen = values.contractFeeFen ?? null;
  if (values.status && values.status !== advisor.status) input.status = values.status;
  if ((values.userId ?? null) !== advisor.userId) input.userId = values.userId ?? null;
  return input;
}

function initialValues(advisor: AdvisorDto | undefined, scopeCode: string): Partial<Values> {
  if (!advisor) return { regionCode: scopeCode, gender: 'male' };
  return {
    regionCode: advisor.regionCode,
    name: advisor.name,
    gender: advisor.gender,
    category: advisor.category,
    employerName: advisor.employerName ?? undefined,
    employerUscc: advisor.employerUscc ?? undefined,
    licenceNo: advisor.licenceNo ?? undefined,
    contract:
      advisor.contractStart || advisor.contractEnd
        ? [advisor.contractStart ? dayjs(advisor.contractStart) : null, advisor.contractEnd ? dayjs(advisor.contractEnd) : null]
        : null,
    contractFeeFen: advisor.contractFeeFen,
    status: advisor.status,
    userId: advisor.userId,
  };
}

/** 新增法律顾问 / 编辑法律顾问. `advisor` absent means create. */
export function AdvisorFormModal({ advisor, open, onClose }: { advisor?: AdvisorDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const editing = advisor !== undefined;
  const save = useFormSubmit({
    fields: FIELDS,
    fieldAliases: FIELD_ALIASES,
    mutationFn: (values: Values) =>
      advisor ? legalApi.updateAdvisor(advisor.id, toUpdate(advisor, values)) : legalApi.createAdvisor(toCreate(values)),
    successMessage: t(editing ? 'legal.advisor.updated' : 'legal.advisor.created'),
    invalidate: legalKeys.all,
    onSuccess: onClose,
  });
  const optional = t('legal.advisor.optional');

  return (
    <FormModal
      title={t(editing ? 'legal.advisor.edit' : 'legal.advisor.create')}
      open={open}
      onClose={onClose}
      save={save}
      width={640}
      testId="advisor-form-modal"
    >
      <Form<Values>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        style={{ marginTop: 16 }}
        initialValues={initialValues(advisor, session.scope.code)}
      >
        <Form.Item
          name="regionCode"
          label={t('legal.advisor.region')}
          rules={[{ required: true, message: t('legal.advisor.regionRequired') }]}
        >
          <RegionPicker
            browse={!editing}
            maxLevel="town"
            disabled={editing}
            initialLabel={advisor?.regionName ?? session.scope.name}
            testId="advisor-region-picker"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('legal.advisor.name')}
          rules={[{ required: true, whitespace: true, message: t('legal.advisor.namePlaceholder') }]}
        >
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
        <Form.Item name="gender" label={t('legal.advisor.gender')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'male', label: t('legal.gender.male') },
              { value: 'female', label: t('legal.gender.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('legal.advisor.category')}
          rules={[{ required: true, message: t('legal.advisor.categoryPlaceholder') }]}
        >
          <Select<AdvisorCategory>
            data-testid="advisor-category"
            options={categoryOptions(t)}
            placeholder={t('legal.advisor.categoryPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('legal.advisor.phone')}
          rules={editing ? [] : [{ required: true, whitespace: true, message: t('legal.advisor.phoneRequired') }]}
        >
          <Input
            autoComplete="off"
            inputMode="tel"
            maxLength={20}
            placeholder={advisor ? t('legal.advisor.keepPhone', { masked: advisor.phone }) : undefined}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('legal.advisor.idNumber')}
          rules={editing ? [] : [{ required: true, whitespace: true, message: t('legal.advisor.idNumberRequired') }]}
        >
          <Input
            autoComplete="off"
            maxLength={18}
            placeholder={advisor ? t('legal.advisor.keepIdNumber', { masked: advisor.idNumber }) : undefined}
          />
        </Form.Item>
        <Form.Item name="employerName" label={t('legal.advisor.employerName')}>
          <Input autoComplete="off" maxLength={60} placeholder={optional} />
        </Form.Item>
        <Form.Item name="employerUscc" label={t('legal.advisor.employerUscc')}>
          <Input autoComplete="off" maxLength={18} placeholder={optional} />
        </Form.Item>
        <Form.Item name="licenceNo" label={t('legal.advisor.licenceNo')}>
          <Input autoComplete="off" maxLength={40} placeholder={optional} />
        </Form.Item>
        <Form.Item name="contract" label={t('legal.advisor.contract')}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('legal.advisor.contractStart'), t('legal.advisor.contractEnd')]}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="contractFeeFen"
          label={t('legal.advisor.fee')}
          getValueProps={(fen: number | null | undefined) => ({ value: fen === null || fen === undefined ? null : fenToYuan(fen) })}
          normalize={(yuan: number | null) => (yuan === null || yuan === undefined ? null : yuanToFen(yuan))}
        >
          <InputNumber<number> min={0} max={100_000_000} precision={2} step={100} style={{ width: '100%' }} placeholder={optional} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('legal.advisor.status')}>
            <Select<AdvisorStatus> options={statusOptions(t)} />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="userId" label={t('legal.advisor.account')} extra={t('legal.advisor.accountHint')}>
            <AdvisorAccountSelect />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
