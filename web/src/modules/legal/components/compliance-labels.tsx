import { Tag } from 'antd';
import type { NormDto } from '@rg/domain/legal/service.schema';
import type { I18n } from '../../../app/i18n/i18n-context.tsx';
import { typeLabel, windowLabel } from './ledger-labels.tsx';

/** What a norm counts: one window, one type, or any service. */
export function normScope(t: I18n['t'], norm: NormDto): string {
  if (norm.window) return windowLabel(t, norm.window);
  if (norm.serviceType) return typeLabel(t, norm.serviceType);
  return t('legal.norm.scopeAny');
}

/** e.g. 每月 · 实体窗口 ≥ 1 次 */
export function normRule(t: I18n['t'], norm: NormDto): string {
  return `${t(`legal.norm.period.${norm.period}`)} · ${normScope(t, norm)} ≥ ${t('legal.norm.times', { count: norm.minCount })}`;
}

export function NormTag({ norm, t }: { norm: NormDto; t: I18n['t'] }) {
  return (
    <Tag color="blue" title={normRule(t, norm)}>
      {norm.name}
    </Tag>
  );
}
