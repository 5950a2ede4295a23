import { Button, Card, Form, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SettingsDto } from '@rg/domain/mediation/settings.schema';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';

interface Values {
  overdueDays: number;
  followUpDays: number;
  aidCriteria: string[];
}

function SettingsForm({ settings }: { settings: SettingsDto }) {
  const { t } = useI18n();
  const session = useSession();
  const save = useFormSubmit<Values, SettingsDto>({
    fields: ['overdueDays', 'followUpDays', 'aidCriteria'],
    mutationFn: (values) => mediationApi.putSettings({ regionCode: session.scope.code, ...values }),
    successMessage: t('mediation.settings.saved'),
    invalidate: mediationKeys.settings(),
    onSuccess: () => undefined,
  });
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('mediation.settings.source', {
          source: settings.sourceName ?? t('mediation.settings.defaults'),
        })}
      </Typography.Paragraph>
      <ErrorAlert message={save.errorMessage} />
      <Form<Values> form={save.form} layout="inline" initialValues={settings} style={{ rowGap: 12 }}>
        <Form.Item name="overdueDays" label={t('mediation.settings.overdueDays')}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item name="followUpDays" label={t('mediation.settings.followUpDays')}>
          <InputNumber min={1} max={180} precision={0} />
        </Form.Item>
        <Form.Item name="aidCriteria" label={t('mediation.settings.aidCriteria')} style={{ minWidth: 480 }}>
          <Select mode="tags" style={{ minWidth: 420 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={save.pending} onClick={() => void save.submit()}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/** 调解工作设置 of the working scope (overdue and follow-up days, legal-aid hardship criteria); managers only. */
export function SettingsCard() {
  const { t } = useI18n();
  const session = useSession();
  const settings = useQuery({ queryKey: mediationKeys.settings(), queryFn: () => mediationApi.settings() });
  return (
    <Card size="small" title={t('mediation.settings.title', { region: session.scope.name })} data-testid="mediation-settings">
      {settings.data ? (
        <SettingsForm key={`${settings.data.source ?? ''}-${settings.data.overdueDays}`} settings={settings.data} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
