import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { ROLES } from './roles.ts';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'user.username.format');

const phoneSchema = z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' });

const displayNameSchema = z.string().trim().min(1, 'user.displayName.required').max(30, 'user.displayName.tooLong');
const rolesSchema = z.array(z.enum(ROLES)).min(1, 'user.roles.required').max(ROLES.length);

/** Fields an official may set when creating an account. Status, lockout and secrets are not here (SECURITY.md 9). */
export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    regionCode: regionCodeSchema,
    roles: rolesSchema,
    phone: phoneSchema.optional(),
    initialPassword: z.string().min(1, 'password.required'),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    displayName: displayNameSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    roles: rolesSchema.optional(),
    phone: phoneSchema.nullable().optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const userStatusSchema = z.object({ version: z.number().int().min(1), status: z.enum(USER_STATUSES) }).strict();

export const passwordResetSchema = z.object({ newPassword: z.string().min(1, 'password.required') }).strict();

export const userListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** What the actor may do next with an account (from the user policy). */
export const USER_ACTIONS = ['update', 'disable', 'resetPassword', 'revealPhone'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** 用户 as the console sees it: personal data masked, with what the actor may do next. */
export const userDtoSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  roles: z.array(z.enum(ROLES)),
  phone: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), disable: z.boolean(), resetPassword: z.boolean(), revealPhone: z.boolean() }),
});
export type UserDto = z.infer<typeof userDtoSchema>;

export const userPageDtoSchema = z.object({ items: z.array(userDtoSchema), total: z.number(), page: z.number(), pageSize: z.number() });
export type UserPageDto = z.infer<typeof userPageDtoSchema>;

/** The full phone number of an account, after an audited reveal. */
export const revealedPhoneDtoSchema = z.object({ phone: z.string().nullable() });

/** A role the console may offer, and whether the actor may grant it (SECURITY.md 8). */
export const roleMetaDtoSchema = z.object({ role: z.enum(ROLES), grantable: z.boolean() });
export type RoleMetaDto = z.infer<typeof roleMetaDtoSchema>;
export const roleMetaListDtoSchema = z.object({ items: z.array(roleMetaDtoSchema) });

export const loginSchema = z
  .object({
    username: z.string().trim().min(1, 'auth.username.required').max(64),
    password: z.string().min(1, 'auth.password.required').max(256),
  })
  .strict();

export const totpSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'auth.totp.format'),
  })
  .strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'auth.password.required'),
    newPassword: z.string().min(1, 'password.required'),
  })
  .strict();

export const scopeSwitchSchema = z.object({ regionCode: regionCodeSchema }).strict();

export const menuEntryDtoSchema = z.object({
  key: z.string(),
  path: z.string(),
  labelKey: z.string(),
  icon: z.string(),
  order: z.number(),
});
export type MenuEntryDto = z.infer<typeof menuEntryDtoSchema>;

/** What the console learns about the signed-in user. */
export const sessionDtoSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    regionCode: z.string(),
    regionName: z.string(),
  }),
  scope: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  menu: z.array(menuEntryDtoSchema),
});
export type SessionDto = z.infer<typeof sessionDtoSchema>;

/** A signed-in session, after the password (no second factor), the second factor or a password change. */
export const sessionOkDtoSchema = z.object({ status: z.literal('ok'), session: sessionDtoSchema });

export const loginResultSchema = z.discriminatedUnion('status', [
  sessionOkDtoSchema,
  z.object({ status: z.literal('totp_required'), csrfToken: z.string() }),
  z.object({ status: z.literal('totp_enroll'), secret: z.string(), otpauthUri: z.string(), csrfToken: z.string() }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;
