import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import type { UserListQuery } from '@rg/domain/access/user.schema';
import { accessKeys, usersApi, usersExportUrl } from '../api.ts';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { UserFilters, type UserFilterValues } from '../components/user-filters.tsx';
import { UserFormModal } from '../components/user-form-modal.tsx';
import { UsersTable } from '../components/users-table.tsx';

type Editor = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; user: UserDto };

function toQuery(filters: UserFilterValues, paging: Paging): UserListQuery {
  return { ...filters, ...paging };
}

/** 用户管理: accounts within the current scope, paged by the server. */
export function UsersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const [resetting, setResetting] = useState<UserDto | null>(null);

  const users = usePagedList({ toQuery, queryKey: accessKeys.users, queryFn: usersApi.list });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space>
            {can('user.export') && (
              <Button icon={<DownloadOutlined />} href={usersExportUrl(users.filters)} download>
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
        <UserFilters value={users.filters} onChange={users.setFilters} />
        <ErrorAlert message={users.errorMessage} />
        <UsersTable paged={users.paged} onEdit={(user) => setEditor({ mode: 'edit', user })} onResetPassword={setResetting} />
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
