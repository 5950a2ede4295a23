import { Empty, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PhoneCell } from './phone-cell.tsx';
import { RoleTags } from './role-tags.tsx';
import { UserActions } from './user-actions.tsx';

interface UsersTableProps {
  items: UserDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
}

export function UsersTable(props: UsersTableProps) {
  const { t } = useI18n();
  const columns: TableColumnsType<UserDto> = [
    { title: t('users.username'), dataIndex: 'username', width: 140, ellipsis: true },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120, ellipsis: true },
    { title: t('users.region'), dataIndex: 'regionName', width: 100, ellipsis: true },
    { title: t('users.roles'), dataIndex: 'roles', width: 130, render: (_value, user) => <RoleTags roles={user.roles} /> },
    { title: t('users.phone'), dataIndex: 'phone', width: 140, render: (_value, user) => <PhoneCell user={user} /> },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 110,
      render: (_value, user) => (
        <Space size={2} wrap>
          {user.status === 'active' ? (
            <Tag color="success">{t('users.status.active')}</Tag>
          ) : (
            <Tag>{t('users.status.disabled')}</Tag>
          )}
          {user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()) && <Tag color="error">{t('users.locked')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_value, user) => (
        <UserActions user={user} onEdit={props.onEdit} onResetPassword={props.onResetPassword} />
      ),
    },
  ];

  return (
    <Table<UserDto>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      locale={{ emptyText: <Empty description={t('users.empty')} /> }}
      scroll={{ x: 1050 }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: props.onPage,
      }}
    />
  );
}
