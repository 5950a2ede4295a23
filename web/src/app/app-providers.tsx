import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { LoadingOutlined } from '@ant-design/icons';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { ApiError } from './api/api-error.ts';
import { AuthProvider } from './auth/auth-context.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';

/** A 4xx will not get better by asking again; flaky networks and 5xx may. */
function retry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry, refetchOnWindowFocus: false, staleTime: 10_000 }, mutations: { retry: false } },
});

/**
 * A button's loading icon as a plain icon shown only while loading. antd's default one leaves with a
 * width transition; when a request answers within a frame there is nothing to transition, the end event
 * never comes, and the invisible icon stays in the button, whose accessible name then reads
 * "loading 登记" to screen readers (and to the phone e2e, which could no longer find 登记 after a 400).
 */
const BUTTON_CONFIG = { autoInsertSpace: false, loadingIcon: <LoadingOutlined /> };

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  }, [language]);
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      button={BUTTON_CONFIG}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </LocalizedAntd>
    </I18nProvider>
  );
}
