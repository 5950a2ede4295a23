import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PagedTable, type PagedData } from '../../../app/lists/paged-table.tsx';
import { PhoneCell } from './phone-cell.tsx';
import { RoleTags } from './role-tags.tsx';
import { UserActions } from './user-actions.tsx';

interface UsersTableProps {
  paged: PagedData<UserDto>;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
}

/**
 * Sum of the column widths: at 1366 px (side menu and card padding taken) the table is about 1050 px wide,
 * so every column fits beside the fixed 操作 column; narrower windows scroll, headers and all.
 */
const TABLE_WIDTH = 1030;

export function UsersTable(props: UsersTableProps) {
  const { t } = useI18n();
  const columns: TableColumnsType<UserDto> = [
    { title: t('users.username'), dataIndex: 'username', width: 130, ellipsis: true },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 130, ellipsis: true },
    { title: t('users.region'), dataIndex: 'regionName', width: 100, ellipsis: true },
    { title: t('users.roles'), dataIndex: 'roles', width: 130, render: (_value, user) => <RoleTags roles={user.roles} /> },
    { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (_value, user) => <PhoneCell user={user} /> },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 100,
      render: (_value, user) => (
        <Space size={2} wrap>
          {user.status === 'active' ? <Tag color="success">{t('users.status.active')}</Tag> : <Tag>{t('users.status.disabled')}</Tag>}
          {user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()) && <Tag color="error">{t('users.locked')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 130,
      ellipsis: true,
      render: (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_value, user) => <UserActions user={user} onEdit={props.onEdit} onResetPassword={props.onResetPassword} />,
    },
  ];

  return <PagedTable<UserDto> paged={props.paged} emptyText={t('users.empty')} rowKey="id" columns={columns} scroll={{ x: TABLE_WIDTH }} />;
}
