import type { AuditPageDto, AuditQuery } from '@rg/domain/access/audit.schema';
import type { RoleMetaDto, UserCreate, UserDto, UserListQuery, UserPageDto, UserStatus, UserUpdate } from '@rg/domain/access/user.schema';
import { api, withQuery } from '../../app/api/api-client.ts';

export const accessKeys = {
  users: (query: UserListQuery) => ['users', query] as const,
  usersAll: ['users'] as const,
  roles: ['meta', 'roles'] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export const usersApi = {
  list: (query: UserListQuery) => api.get<UserPageDto>('/api/users', { ...query }),
  create: (input: UserCreate) => api.post<UserDto>('/api/users', input),
  update: (id: string, input: UserUpdate) => api.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, input),
  setStatus: (id: string, version: number, status: UserStatus) =>
    api.put<UserDto>(`/api/users/${encodeURIComponent(id)}/status`, { version, status }),
  resetPassword: (id: string, newPassword: string) => api.post<unknown>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
  revealPhone: (id: string) => api.post<{ phone: string | null }>(`/api/users/${encodeURIComponent(id)}/reveal-phone`),
  roles: () => api.get<{ items: RoleMetaDto[] }>('/api/meta/roles'),
};

/** 导出: a plain download link (GET, session cookie); the server masks, scopes and audits it. */
export function usersExportUrl(filters: Omit<UserListQuery, 'page' | 'pageSize'>): string {
  return withQuery('/api/users/export.xlsx', { ...filters });
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditPageDto>('/api/audit', { ...query }),
};
