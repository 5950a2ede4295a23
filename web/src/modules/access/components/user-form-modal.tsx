import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@rg/domain/access/user.schema';
import type { Role } from '@rg/domain/access/roles';
import { useServerErrors } from '../../../app/forms/use-server-errors.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { accessKeys, usersApi, type UserUpdateInput } from '../api.ts';
import { useGrantableRoleOptions } from './use-role-options.ts';

interface Values {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  phone?: string;
  initialPassword: string;
}

const FIELDS = ['username', 'displayName', 'regionCode', 'roles', 'phone', 'initialPassword'] as const;

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** Only what changed, so a concurrent edit of another field is not overwritten. */
function changes(user: UserDto, values: Values): UserUpdateInput {
  const input: UserUpdateInput = { version: user.version };
  if (values.displayName !== user.displayName) input.displayName = values.displayName;
  if (values.regionCode !== user.regionCode) input.regionCode = values.regionCode;
  if (!sameRoles(values.roles, user.roles)) input.roles = values.roles;
  if (values.phone && values.phone.trim()) input.phone = values.phone.trim();
  return input;
}

/** 新建用户 / 编辑用户. `user` absent means create. */
export function UserFormModal({ user, open, onClose }: { user?: UserDto; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const serverErrors = useServerErrors(form, FIELDS);
  const roles = useGrantableRoleOptions(user?.roles);
  const editing = user !== undefined;

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      user
        ? usersApi.update(user.id, changes(user, values))
        : usersApi.create({ ...values, phone: values.phone?.trim() || undefined }),
    onSuccess: () => {
      void message.success(t(editing ? 'users.updated' : 'users.created'));
      void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll });
      onClose();
    },
    onError: serverErrors.apply,
  });

  const submit = async () => {
    serverErrors.clear();
    const values = await form.validateFields().catch(() => null);
    if (values) mutation.mutate(values);
  };

  return (
    <Modal
      title={t(editing ? 'users.edit' : 'users.create')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
      data-testid="user-form-modal"
    >
      {serverErrors.message && (
        <Alert type="error" showIcon title={serverErrors.message} style={{ marginBottom: 16 }} data-testid="form-error" />
      )}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 19 }}
        preserve={false}
        style={{ marginTop: 16 }}
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, regionCode: user.regionCode, roles: user.roles }
            : { roles: [] }
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
            mode="multiple" options={roles.options} loading={roles.loading} placeholder={t('users.rolePlaceholder')} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input autoComplete="off" inputMode="tel" placeholder={editing ? t('users.phoneUnchanged') : undefined} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="initialPassword"
            label={t('users.initialPassword')}
            extra={t('password.rule')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
