import { Button, Form, Input, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import type { LoginStep } from './use-login-flow.ts';

interface Values {
  code: string;
}

/** Second factor: either a code from an enrolled authenticator, or the enrolment of a new one. */
export function TotpStepForm({
  step,
  size,
  pending,
  onSubmit,
  onBack,
}: {
  step: Exclude<LoginStep, { kind: 'password' }>;
  size: 'middle' | 'large';
  pending: boolean;
  onSubmit: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {step.kind === 'enroll' ? t('auth.enrollTitle') : t('auth.totpTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{step.kind === 'enroll' ? t('auth.enrollHint') : t('auth.totpHint')}</Typography.Text>
      {step.kind === 'enroll' && (
        <div data-testid="totp-enroll">
          <Typography.Text>
            {t('auth.enrollSecret')}
            {t('common.colon')}
          </Typography.Text>
          <Typography.Text code copyable>
            {step.secret}
          </Typography.Text>
          <Typography.Paragraph type="secondary" copyable style={{ wordBreak: 'break-all', marginTop: 8, marginBottom: 0 }}>
            {t('auth.enrollUri')}
            {t('common.colon')}
            {step.otpauthUri}
          </Typography.Paragraph>
        </div>
      )}
      <Form<Values> layout="vertical" size={size} requiredMark={false} onFinish={(values) => onSubmit(values.code.trim())}>
        <Form.Item
          name="code"
          label={t('auth.totpCode')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.codeFormat') }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending} style={size === 'large' ? { height: 48 } : undefined}>
          {t('auth.totpSubmit')}
        </Button>
      </Form>
      <Button type="link" onClick={onBack} style={{ padding: 0 }}>
        {t('auth.backToLogin')}
      </Button>
    </Space>
  );
}
