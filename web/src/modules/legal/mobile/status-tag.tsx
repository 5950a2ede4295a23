import type { ServiceStatus } from '@rg/domain/legal/service.schema';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

const COLORS: Record<ServiceStatus, string> = { submitted: 'processing', returned: 'error', accepted: 'success' };

/** 待审核 / 已退回 / 已通过 of a ledger entry. */
export function StatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} style={{ fontSize: 14 }}>
      {t(`legal.serviceStatus.${status}`)}
    </Tag>
  );
}
