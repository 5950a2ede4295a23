import type { UserDto, UserStatus } from '@rg/domain/access/user.schema';
import type { Role } from '@rg/domain/access/roles';
import { api, withQuery } from '../../app/api/api-client.ts';

export interface UserListQuery {
  q?: string;
  regionCode?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export interface UserPage {
  items: UserDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleMeta {
  role: Role;
  label: string;
  grantable: boolean;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  phone?: string;
  initialPassword: string;
}

export interface UserUpdateInput {
  version: number;
  displayName?: string;
  regionCode?: string;
  roles?: Role[];
  phone?: string | null;
}

export type AuditResult = 'ok' | 'denied' | 'failed';

/** 审计日志 entry as the audit page lists it. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  actorRoles: string[] | string | null;
  actorRegion: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  objectRegion: string | null;
  result: AuditResult;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
}

export interface AuditQuery {
  q?: string;
  action?: string;
  result?: AuditResult;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const accessKeys = {
  users: (query: UserListQuery) => ['users', query] as const,
  usersAll: ['users'] as const,
  roles: ['meta', 'roles'] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export const usersApi = {
  list: (query: UserListQuery) => api.get<UserPage>('/api/users', { ...query }),
  create: (input: UserCreateInput) => api.post<UserDto>('/api/users', input),
  update: (id: string, input: UserUpdateInput) => api.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, input),
  setStatus: (id: string, version: number, status: UserStatus) =>
    api.put<UserDto>(`/api/users/${encodeURIComponent(id)}/status`, { version, status }),
  resetPassword: (id: string, newPassword: string) => api.post<unknown>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
  revealPhone: (id: string) => api.post<{ phone: string | null }>(`/api/users/${encodeURIComponent(id)}/reveal-phone`),
  roles: () => api.get<{ items: RoleMeta[] }>('/api/meta/roles'),
};

/** 导出: a plain download link (GET, session cookie); the server masks, scopes and audits it. */
export function usersExportUrl(filters: Omit<UserListQuery, 'page' | 'pageSize'>): string {
  return withQuery('/api/users/export.xlsx', { ...filters });
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...query }),
};
