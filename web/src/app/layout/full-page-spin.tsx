import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}
