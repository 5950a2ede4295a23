import { ADVISOR_CATEGORIES, ADVISOR_STATUSES, type AdvisorCategory, type AdvisorStatus } from '@rg/domain/legal/advisor.schema';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';

export function categoryLabel(t: I18n['t'], category: AdvisorCategory): string {
  return t(`legal.category.${category}`);
}

export function statusLabel(t: I18n['t'], status: AdvisorStatus): string {
  return t(`legal.status.${status}`);
}

export const STATUS_COLORS: Record<AdvisorStatus, string> = { active: 'success', suspended: 'warning', left: 'default' };

export function categoryOptions(t: I18n['t']): { value: AdvisorCategory; label: string }[] {
  return ADVISOR_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }));
}

export function statusOptions(t: I18n['t']): { value: AdvisorStatus; label: string }[] {
  return ADVISOR_STATUSES.map((value) => ({ value, label: statusLabel(t, value) }));
}
