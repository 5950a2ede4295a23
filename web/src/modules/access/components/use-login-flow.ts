import type { LoginResult, SessionDto } from '@rg/domain/access/user.schema';
import { useState } from 'react';
import { setCsrfToken } from '../../../app/api/api-client.ts';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { sessionApi } from '../../../app/auth/session-api.ts';

export type LoginStep = { kind: 'password' } | { kind: 'totp' } | { kind: 'enroll'; secret: string; otpauthUri: string };

export interface LoginFlow {
  step: LoginStep;
  pending: boolean;
  error: string | null;
  submitPassword: (username: string, password: string) => Promise<void>;
  submitCode: (code: string) => Promise<void>;
  restart: () => void;
}

/** Password → (second factor | authenticator enrolment) → session, as answered by the server. */
export function useLoginFlow(onSignedIn: (session: SessionDto) => void): LoginFlow {
  const { setSession } = useAuth();
  const { errorMessage } = useErrorMessages();
  const [step, setStep] = useState<LoginStep>({ kind: 'password' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const follow = (result: LoginResult) => {
    if (result.status === 'ok') {
      setSession(result.session);
      onSignedIn(result.session);
      return;
    }
    // The half-open session (second factor pending) has its own CSRF token for the next POST.
    setCsrfToken(result.csrfToken);
    if (result.status === 'totp_required') {
      setStep({ kind: 'totp' });
    } else {
      setStep({ kind: 'enroll', secret: result.secret, otpauthUri: result.otpauthUri });
    }
  };

  const run = async (call: () => Promise<LoginResult>) => {
    setPending(true);
    setError(null);
    try {
      follow(await call());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return {
    step,
    pending,
    error,
    submitPassword: (username, password) => run(() => sessionApi.login(username, password)),
    submitCode: (code) => run(() => (step.kind === 'enroll' ? sessionApi.enrollTotp(code) : sessionApi.totp(code))),
    restart: () => {
      setStep({ kind: 'password' });
      setError(null);
    },
  };
}
