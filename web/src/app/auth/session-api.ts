import type { LoginResult, SessionDto } from '@rg/domain/access/user.schema';
import { ApiError, api, request } from '../api/api-client.ts';

export const SESSION_KEY = ['session'] as const;

/** GET /api/session: the signed-in user's session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionDto | null> {
  try {
    return await request<SessionDto>('GET', '/api/session', { quiet401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionApi = {
  login: (username: string, password: string) =>
    request<LoginResult>('POST', '/api/auth/login', { body: { username, password }, quiet401: true }),
  totp: (code: string) => request<LoginResult>('POST', '/api/auth/totp', { body: { code }, quiet401: true }),
  enrollTotp: (code: string) => request<LoginResult>('POST', '/api/auth/totp/enroll', { body: { code }, quiet401: true }),
  logout: () => request<unknown>('POST', '/api/auth/logout', { body: {}, quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<SessionDto>('/api/session/password', { currentPassword, newPassword }),
  switchScope: (regionCode: string) => api.put<SessionDto>('/api/session/scope', { regionCode }),
};
