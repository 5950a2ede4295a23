import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import type { PartyDto, PartyKind, PartyRole } from '@rg/domain/mediation/case.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** One party row of a form; `id` names a party already recorded (editing). */
export interface PartyValues {
  id?: string;
  kind: PartyKind;
  role: PartyRole;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

const blank = (value?: string) => (value?.trim() ? value.trim() : null);

/**
 * The body of a party: on a new case an empty number is none; on a recorded party it is left out, so
 * the stored (encrypted) number stays and nobody has to see it in full to correct a name.
 */
export function partyBody(p: PartyValues) {
  const sealed = (value?: string) => (p.id && !value?.trim() ? {} : { value: blank(value) });
  const id = sealed(p.idNumber);
  const phone = sealed(p.phone);
  return {
    ...(p.id ? { id: p.id } : {}),
    kind: p.kind,
    role: p.role,
    name: p.name.trim(),
    address: blank(p.address),
    ...('value' in id ? { idNumber: id.value } : {}),
    ...('value' in phone ? { phone: phone.value } : {}),
  };
}

/** 当事人 rows (申请人/被申请人, person or organisation, name, ID number, phone, address), at least two. */
export function PartyFields({ recorded }: { recorded?: readonly PartyDto[] }) {
  const { t, tKey } = useI18n();
  const form = Form.useFormInstance<{ parties: PartyValues[] }>();
  // A recorded number shows masked as the placeholder: left empty, it stays (the modal's intro says so).
  const keep = (masked: string | null | undefined) => masked ?? undefined;
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const id = form.getFieldValue(['parties', field.name, 'id']) as string | undefined;
            const stored = recorded?.find((p) => p.id === id);
            return (
              <Form.Item key={field.key} label={index === 0 ? t('mediation.case.parties') : ' '} colon={index === 0}>
                <Space wrap size={[8, 8]} data-testid={`party-${index}`}>
                  {/* Registered so that the submitted values carry it: a recorded party keeps its sealed numbers. */}
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} noStyle>
                    <Select
                      style={{ width: 116 }}
                      options={[
                        { value: 'applicant', label: t('mediation.party.applicant') },
                        { value: 'respondent', label: t('mediation.party.respondent') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select
                      style={{ width: 124 }}
                      options={[
                        { value: 'person', label: t('mediation.party.person') },
                        { value: 'organisation', label: t('mediation.party.organisation') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle
                    rules={[{ required: true, message: tKey('mediation.party.name.required') }]}
                  >
                    <Input
                      style={{ width: 110 }}
                      placeholder={t('mediation.party.name')}
                      aria-label={`${t('mediation.party.name')}${index + 1}`}
                      maxLength={60}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'idNumber']} noStyle>
                    <Input
                      style={{ width: 200 }}
                      placeholder={keep(stored?.idNumber) ?? t('mediation.party.idNumber')}
                      aria-label={`${t('mediation.party.idNumber')}${index + 1}`}
                      maxLength={18}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} noStyle>
                    <Input
                      style={{ width: 150 }}
                      placeholder={keep(stored?.phone) ?? t('mediation.party.phone')}
                      aria-label={`${t('mediation.party.phone')}${index + 1}`}
                      maxLength={20}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'address']} noStyle>
                    <Input
                      style={{ width: 150 }}
                      placeholder={t('mediation.party.address')}
                      aria-label={`${t('mediation.party.address')}${index + 1}`}
                      maxLength={100}
                    />
                  </Form.Item>
                  {fields.length > 2 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('mediation.party.remove')} />}
                </Space>
              </Form.Item>
            );
          })}
          <Form.Item label=" " colon={false}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'person', role: 'respondent' })}>
              {t('mediation.party.add')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
