import { Segmented } from 'antd';
import { useI18n } from './i18n-context.tsx';
import type { Language } from './translate.ts';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en-US' },
];

export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' | 'large' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      aria-label={t('app.language')}
      data-testid="language-switch"
      size={size}
      options={OPTIONS}
      value={language}
      onChange={setLanguage}
    />
  );
}
