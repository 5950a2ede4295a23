import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { ROLES, type Role } from './roles.ts';

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

export const userStatusSchema = z.object({ version: z.number().int().min(1), status: z.enum(['active', 'disabled']) }).strict();

export const passwordResetSchema = z.object({ newPassword: z.string().min(1, 'password.required') }).strict();

export const userListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export type UserStatus = 'active' | 'disabled';

/** 用户 as the console sees it: personal data masked, with what the actor may do next. */
export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: Role[];
  phone: string | null;
  status: UserStatus;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  abilities: { update: boolean; disable: boolean; resetPassword: boolean; revealPhone: boolean };
}

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

/** What the console learns about the signed-in user. */
export interface SessionDto {
  user: { id: string; username: string; displayName: string; roles: Role[]; regionCode: string; regionName: string };
  scope: { code: string; name: string; level: string };
  permissions: string[];
  mustChangePassword: boolean;
  csrfToken: string;
  menu: MenuEntryDto[];
}

export interface MenuEntryDto {
  key: string;
  path: string;
  labelKey: string;
  icon: string;
  order: number;
}

export type LoginResult =
  | { status: 'ok'; session: SessionDto }
  | { status: 'totp_required'; csrfToken: string }
  | { status: 'totp_enroll'; secret: string; otpauthUri: string; csrfToken: string };
