import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@rg/domain/access/user.schema';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { setClientHandlers, setCsrfToken } from '../api/api-client.ts';
import { SESSION_KEY, fetchSession, sessionApi } from './session-api.ts';

export interface Auth {
  session: SessionDto | null;
  loading: boolean;
  error: unknown;
  /** Store a session answered by login, password change or scope switch. */
  setSession: (session: SessionDto | null) => void;
  refresh: () => Promise<unknown>;
  logout: () => Promise<void>;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
  const session = query.data ?? null;

  useEffect(() => setCsrfToken(session?.csrfToken ?? null), [session?.csrfToken]);

  const setSession = useCallback(
    (next: SessionDto | null) => {
      const previous = queryClient.getQueryData<SessionDto | null>(SESSION_KEY);
      // Another person on the same browser must never see what the last one had loaded.
      if (previous?.user.id !== next?.user.id) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      }
      setCsrfToken(next?.csrfToken ?? null);
      queryClient.setQueryData(SESSION_KEY, next);
    },
    [queryClient],
  );

  useEffect(() => {
    setClientHandlers({
      onUnauthenticated: () => {
        setCsrfToken(null);
        queryClient.setQueryData(SESSION_KEY, null);
      },
      onMustChangePassword: () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
    });
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await sessionApi.logout();
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    }
  }, [queryClient]);

  const value = useMemo<Auth>(
    () => ({
      session,
      loading: query.isPending,
      error: query.error,
      setSession,
      refresh: () => query.refetch(),
      logout,
      can: (permission) => session?.permissions.includes(permission) ?? false,
    }),
    [session, query, setSession, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}

/** For pages inside the guard: the session is known to exist there. */
export function useSession(): SessionDto {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
