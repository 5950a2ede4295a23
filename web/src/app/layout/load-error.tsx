import { Button, Result } from 'antd';
import { useErrorMessages } from '../api/use-error-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { errorMessage } = useErrorMessages();
  return (
    <Result
      status="warning"
      title={t('app.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}
