import { SwapOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RegionPicker } from './region-picker.tsx';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useAuth, useSession } from '../../../app/auth/auth-context.tsx';
import { SESSION_KEY, sessionApi } from '../../../app/auth/session-api.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

/** 切换辖区: narrows the working scope to a region inside the user's own subtree. */
export function ScopeSwitcher() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const { setSession, can } = useAuth();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const showError = useErrorToast();
  const [code, setCode] = useState<string | undefined>();

  const mutation = useMutation({
    mutationFn: (regionCode: string) => sessionApi.switchScope(regionCode),
    onSuccess: (next) => {
      setSession(next);
      // Every list is scoped: drop what was fetched for the old scope.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      void message.success(t('header.scopeSwitched', { name: next.scope.name }));
      setOpen(false);
    },
    onError: showError,
  });

  const atHome = session.scope.code === session.user.regionCode;
  return (
    <>
      <Space size={4} data-testid="current-scope">
        <Typography.Text type="secondary">{t('header.scope')}</Typography.Text>
        <Typography.Text strong>{session.scope.name}</Typography.Text>
        {can('region.read') && (
          <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => setOpen(true)}>
            {t('header.switchScope')}
          </Button>
        )}
      </Space>
      <Modal
        title={t('header.switchScope')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => code && mutation.mutate(code)}
        okButtonProps={{ disabled: !code, loading: mutation.isPending }}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('header.scopeHint')}</Typography.Text>
          <RegionPicker
            value={code}
            onChange={(next) => setCode(next)}
            browse
            maxLevel="village"
            testId="scope-picker"
            ariaLabel={t('header.switchScope')}
          />
          {!atHome && (
            <Button type="link" style={{ padding: 0 }} onClick={() => mutation.mutate(session.user.regionCode)}>
              {t('header.backToHome', { name: session.user.regionName })}
            </Button>
          )}
        </Space>
      </Modal>
    </>
  );
}
