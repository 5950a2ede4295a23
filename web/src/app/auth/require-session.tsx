import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth-context.tsx';
import { FullPageSpin } from '../layout/full-page-spin.tsx';
import { LoadError } from '../layout/load-error.tsx';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Guards every signed-in page: no session → the login page (desktop or mobile);
 * a forced password change → /change-password before anything else (SECURITY.md: first login).
 */
export function RequireSession({ loginPath = '/login' }: { loginPath?: string }) {
  const { session, loading, error, refresh } = useAuth();
  const location = useLocation();

  if (loading) return <FullPageSpin />;
  if (error && !session) return <LoadError error={error} onRetry={() => void refresh()} />;
  if (!session) return <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />;
  if (session.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}
