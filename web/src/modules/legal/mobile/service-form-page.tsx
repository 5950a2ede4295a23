import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { SERVICE_TYPES, SUBJECT_KINDS, type ServiceDetailDto, type ServiceWindow } from '@rg/domain/legal/service.schema';
import { Alert, App, Button, Form, Input, InputNumber, Radio, Segmented, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import {
  createService,
  fetchMe,
  fetchService,
  legalMobileKeys,
  updateService,
  uploadAttachment,
  type ServiceFields,
} from '../api.mobile.ts';
import { toLocalInput } from './local-time.ts';

/** `servedAt` holds the datetime-local value, in the phone's time zone, until it is sent. */
interface FormValues extends ServiceFields {
  villageCode: string;
  window: ServiceWindow;
  reason?: string;
}

const FIELDS = [
  'villageCode',
  'window',
  'servedAt',
  'serviceType',
  'subjectKind',
  'subjectName',
  'content',
  'result',
  'durationMinutes',
  'attendance',
  'reason',
] as const;
const WINDOWS: ServiceWindow[] = ['onsite', 'hotline', 'online'];
const big = { fontSize: 17 };

function initialValues(existing: ServiceDetailDto | undefined, villageCode: string | undefined): Partial<FormValues> {
  if (!existing)
    return {
      villageCode,
      window: 'onsite',
      servedAt: toLocalInput(new Date()),
      serviceType: 'consultation',
      subjectKind: 'person',
      durationMinutes: 30,
    };
  return { ...existing, servedAt: toLocalInput(new Date(existing.servedAt)) };
}

/** /m/legal/new and /m/legal/:id — 一次一记 on the spot: the fields of P1.4(3), photos, and corrections as new versions. */
export function ServiceFormPage() {
  const { t, tKey } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: legalMobileKeys.me(), queryFn: fetchMe });
  const existing = useQuery({
    queryKey: legalMobileKeys.service(id ?? ''),
    queryFn: () => fetchService(id ?? ''),
    enabled: id !== undefined,
  });
  const { errorMessage } = useErrorMessages();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // One key per visit of the form: a resend after a dropped connection does not record twice.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  const save = useFormSubmit<FormValues, ServiceDetailDto>({
    fields: FIELDS,
    successMessage: t('legal.m.form.saved'),
    invalidate: legalMobileKeys.all,
    mutationFn: async ({ villageCode, window, reason, ...fields }) => {
      const body = { ...fields, servedAt: new Date(fields.servedAt).toISOString() };
      const saved = existing.data
        ? await updateService(existing.data.id, { ...body, version: existing.data.version, ...(reason ? { reason } : {}) })
        : await createService({ ...body, villageCode, window }, idempotencyKey);
      for (const file of files) {
        if (!file.originFileObj) continue;
        await uploadAttachment(saved.id, file.originFileObj).catch((error: unknown) =>
          message.error(t('legal.m.form.photoFailed', { name: file.name, reason: errorMessage(error) })),
        );
      }
      return saved;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: legalMobileKeys.all });
      void navigate('/m/legal');
    },
  });
  const type = Form.useWatch('serviceType', save.form);
  const subjectKind = Form.useWatch('subjectKind', save.form);
  const title = id ? t('legal.m.form.editTitle') : t('legal.m.form.newTitle');

  if (!me.data || (id && !existing.data)) {
    const error = me.error ?? existing.error;
    return (
      <MobilePage title={title} back="/m/legal">
        {error ? <Alert type="error" title={errorMessage(error)} /> : <Spin size="large" style={{ display: 'block', margin: 48 }} />}
      </MobilePage>
    );
  }
  // The server's policy decides (accepted entries are locked, only villages the advisor serves now).
  const locked = existing.data !== undefined && !existing.data.abilities.edit;

  return (
    <MobilePage title={title} back="/m/legal" testId="service-form">
      {existing.data?.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title={t('legal.m.ledger.returnedBecause', { comment: existing.data.reviewComment ?? '' })}
          style={{ marginBottom: 12 }}
        />
      )}
      {locked && (
        <Alert
          type="success"
          showIcon
          title={t(existing.data?.status === 'accepted' ? 'legal.m.form.accepted' : 'legal.m.form.locked')}
          style={{ marginBottom: 12 }}
        />
      )}
      <ErrorAlert message={save.errorMessage} />
      <Form
        form={save.form}
        layout="vertical"
        size="large"
        initialValues={initialValues(existing.data, me.data.villages[0]?.code)}
        disabled={locked || save.pending}
        style={{ background: '#fff', padding: 14, borderRadius: 10 }}
      >
        <Form.Item name="villageCode" label={t('legal.m.form.village')} rules={[{ required: true, message: t('legal.m.form.village') }]}>
          <Select
            disabled={id !== undefined}
            options={(existing.data ? [{ code: existing.data.villageCode, path: existing.data.villagePath }] : me.data.villages).map(
              (v) => ({ value: v.code, label: v.path }),
            )}
          />
        </Form.Item>
        <Form.Item name="window" label={t('legal.m.form.window')}>
          <Segmented block disabled={id !== undefined} options={WINDOWS.map((w) => ({ value: w, label: t(`legal.window.${w}`) }))} />
        </Form.Item>
        <Form.Item name="servedAt" label={t('legal.m.form.servedAt')} rules={[{ required: true, message: t('legal.m.form.servedAt') }]}>
          <Input type="datetime-local" style={big} />
        </Form.Item>
        <Form.Item name="serviceType" label={t('legal.m.form.type')}>
          <Select options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`legal.serviceType.${s}`) }))} />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('legal.m.form.subjectKind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`legal.subjectKind.${k}`) }))}
          />
        </Form.Item>
        {subjectKind !== 'village' && (
          <Form.Item name="subjectName" label={t('legal.m.form.subjectName')}>
            <Input maxLength={60} style={big} />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label={t('legal.m.form.content')}
          rules={[{ required: true, whitespace: true, message: tKey('legal.service.content.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} placeholder={t('legal.m.form.contentPlaceholder')} style={big} />
        </Form.Item>
        <Form.Item
          name="result"
          label={t('legal.m.form.result')}
          rules={[{ required: true, whitespace: true, message: tKey('legal.service.result.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('legal.m.form.resultPlaceholder')} style={big} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('legal.m.form.duration')}>
          <InputNumber min={1} max={1440} inputMode="numeric" style={{ width: '100%', ...big }} />
        </Form.Item>
        {type === 'publicity' && (
          <Form.Item name="attendance" label={t('legal.m.form.attendance')}>
            <InputNumber min={1} inputMode="numeric" style={{ width: '100%', ...big }} />
          </Form.Item>
        )}
        {existing.data && (
          <Form.Item name="reason" label={t('legal.m.form.reason')}>
            <Input maxLength={200} style={big} />
          </Form.Item>
        )}
        {existing.data && existing.data.attachments.length > 0 && (
          <Typography.Paragraph>
            {t('legal.m.form.attachments')}
            {t('common.colon')}
            {existing.data.attachments.map((a) => (
              <a
                key={a.id}
                href={`/api/legal/services/${existing.data?.id ?? ''}/attachments/${a.id}`}
                target="_blank"
                rel="noreferrer"
                style={{ marginRight: 8 }}
              >
                <PaperClipOutlined /> {a.fileName}
              </a>
            ))}
          </Typography.Paragraph>
        )}
        <Form.Item label={t('legal.m.form.photos')}>
          <Upload
            accept="image/jpeg,image/png,application/pdf"
            listType="picture"
            multiple
            maxCount={9}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<CameraOutlined />}>{t('legal.m.form.addPhoto')}</Button>
          </Upload>
        </Form.Item>
        {existing.data && existing.data.version > 1 && (
          <Typography.Text type="secondary">{t('legal.m.form.history', { count: existing.data.version - 1 })}</Typography.Text>
        )}
        <Button
          type="primary"
          block
          size="large"
          loading={save.pending}
          disabled={locked}
          onClick={() => void save.submit()}
          style={{ height: 52, fontSize: 18, marginTop: 12 }}
        >
          {t('legal.m.form.submit')}
        </Button>
      </Form>
    </MobilePage>
  );
}
