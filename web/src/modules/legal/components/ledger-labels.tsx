import { Tag } from 'antd';
import type { ServiceStatus, ServiceType, ServiceWindow, SubjectKind } from '@rg/domain/legal/service.schema';
import { SERVICE_STATUSES, SERVICE_TYPES, SERVICE_WINDOWS } from '@rg/domain/legal/service.schema';
import dayjs from 'dayjs';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

type T = I18n['t'];

export const windowLabel = (t: T, window: ServiceWindow) => t(`legal.window.${window}`);
export const typeLabel = (t: T, type: ServiceType) => t(`legal.serviceType.${type}`);
export const subjectKindLabel = (t: T, kind: SubjectKind) => t(`legal.subjectKind.${kind}`);

export const windowOptions = (t: T) => SERVICE_WINDOWS.map((value) => ({ value, label: windowLabel(t, value) }));
export const typeOptions = (t: T) => SERVICE_TYPES.map((value) => ({ value, label: typeLabel(t, value) }));
export const statusOptions = (t: T) => SERVICE_STATUSES.map((value) => ({ value, label: t(`legal.serviceStatus.${value}`) }));

/** The same colours on the console and the phone: pending review is blue, sent back is red. */
const STATUS_COLORS: Record<ServiceStatus, string> = { submitted: 'processing', returned: 'error', accepted: 'success' };

export function ServiceStatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`legal.serviceStatus.${status}`)}</Tag>;
}

/** Times come as ISO instants; officials read them in local time to the minute. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
