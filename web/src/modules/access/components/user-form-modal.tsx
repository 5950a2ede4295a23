import { Form, Input, Select } from 'antd';
import type { UserDto } from '@rg/domain/access/user.schema';
import type { Role } from '@rg/domain/access/roles';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import type { UserCreate, UserUpdate } from '@rg/domain/access/user.schema';
import { accessKeys, usersApi } from '../api.ts';
import { NewPasswordItem } from './new-password-item.tsx';
import { useGrantableRoleOptions } from './use-role-options.ts';

type Values = UserCreate;

const FIELDS = ['username', 'displayName', 'regionCode', 'roles', 'phone', 'initialPassword'] as const;

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** Only what changed, so a concurrent edit of another field is not overwritten. */
function changes(user: UserDto, values: Values): UserUpdate {
  const input: UserUpdate = { version: user.version };
  if (values.displayName !== user.displayName) input.displayName = values.displayName;
  if (values.regionCode !== user.regionCode) input.regionCode = values.regionCode;
  if (!sameRoles(values.roles, user.roles)) input.roles = values.roles;
  if (values.phone && values.phone.trim()) input.phone = values.phone.trim();
  return input;
}

/** 新建用户 / 编辑用户. `user` absent means create. */
export function UserFormModal({ user, open, onClose }: { user?: UserDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const roles = useGrantableRoleOptions(user?.roles);
  const editing = user !== undefined;
  const save = useFormSubmit({
    fields: FIELDS,
    mutationFn: (values: Values) =>
      user ? usersApi.update(user.id, changes(user, values)) : usersApi.create({ ...values, phone: values.phone?.trim() || undefined }),
    successMessage: t(editing ? 'users.updated' : 'users.created'),
    invalidate: accessKeys.usersAll,
    onSuccess: onClose,
  });

  return (
    <FormModal
      title={t(editing ? 'users.edit' : 'users.create')}
      open={open}
      onClose={onClose}
      save={save}
      width={560}
      testId="user-form-modal"
    >
      <Form<Values>
        form={save.form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 19 }}
        preserve={false}
        style={{ marginTop: 16 }}
        initialValues={
          user ? { username: user.username, displayName: user.displayName, regionCode: user.regionCode, roles: user.roles } : { roles: [] }
        }
      >
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('users.displayNameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.region')} rules={[{ required: true, message: t('users.regionRequired') }]}>
          <RegionPicker browse initialLabel={user?.regionName} testId="user-region-picker" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('users.rolesRequired') }]}>
          <Select<Role[]>
            data-testid="user-roles"
            mode="multiple"
            options={roles.options}
            loading={roles.loading}
            placeholder={t('users.rolePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input autoComplete="off" inputMode="tel" placeholder={editing ? t('users.phoneUnchanged') : undefined} />
        </Form.Item>
        {!editing && <NewPasswordItem name="initialPassword" label={t('users.initialPassword')} />}
      </Form>
    </FormModal>
  );
}
