import { Button, Result } from 'antd';
import { errorMessage } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('app.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}
