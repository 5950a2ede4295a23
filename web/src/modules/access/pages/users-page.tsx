import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@rg/domain/access/user.schema';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/api-error.ts';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { accessKeys, usersApi, usersExportUrl, type UserListQuery } from '../api.ts';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { UserFilters, type UserFilterValues } from '../components/user-filters.tsx';
import { UserFormModal } from '../components/user-form-modal.tsx';
import { UsersTable } from '../components/users-table.tsx';

type Editor = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; user: UserDto };

/** 用户管理: accounts within the current scope, paged by the server. */
export function UsersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const [resetting, setResetting] = useState<UserDto | null>(null);

  const query: UserListQuery = { ...filters, ...paging };
  const users = useQuery({
    queryKey: accessKeys.users(query),
    queryFn: () => usersApi.list(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space>
            {can('user.export') && (
              <Button icon={<DownloadOutlined />} href={usersExportUrl(filters)} download>
                {t('users.export')}
              </Button>
            )}
            {can('user.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ mode: 'create' })}>
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <UserFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        />
        {users.error && <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 16 }} />}
        <UsersTable
          items={users.data?.items ?? []}
          total={users.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={users.isFetching}
          onPage={(page, pageSize) => setPaging({ page, pageSize })}
          onEdit={(user) => setEditor({ mode: 'edit', user })}
          onResetPassword={setResetting}
        />
      </Card>
      <UserFormModal
        key={editor.mode === 'edit' ? editor.user.id : editor.mode}
        open={editor.mode !== 'closed'}
        user={editor.mode === 'edit' ? editor.user : undefined}
        onClose={() => setEditor({ mode: 'closed' })}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
