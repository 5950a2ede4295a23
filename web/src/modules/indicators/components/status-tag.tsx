import { Tag } from 'antd';
import type { TargetStatus } from '@rg/domain/indicators/target-status';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

const COLORS: Record<TargetStatus, string> = { met: 'success', close: 'warning', behind: 'error' };

/** 达标 / 接近 / 落后 as a coloured tag. */
export function StatusTag({ status }: { status: TargetStatus | null }) {
  const { t } = useI18n();
  if (!status) return <Tag>{t('indicators.status.none')}</Tag>;
  return <Tag color={COLORS[status]}>{t(`indicators.status.${status}`)}</Tag>;
}

export const STATUS_COLORS: Record<TargetStatus, string> = { met: '#52c41a', close: '#faad14', behind: '#ff4d4f' };
