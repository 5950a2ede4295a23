import type { SessionDto } from '@rg/domain/access/user.schema';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PasswordStepForm } from './password-step-form.tsx';
import { TotpStepForm } from './totp-step-form.tsx';
import { useLoginFlow } from './use-login-flow.ts';

/** The sign-in steps, shared by the console's /login and the mobile /m/login. */
export function LoginPanel({ size, onSignedIn }: { size: 'middle' | 'large'; onSignedIn: (session: SessionDto) => void }) {
  const flow = useLoginFlow(onSignedIn);
  return (
    <>
      <ErrorAlert message={flow.error} testId="login-error" />
      {flow.step.kind === 'password' ? (
        <PasswordStepForm size={size} pending={flow.pending} onSubmit={(u, p) => void flow.submitPassword(u, p)} />
      ) : (
        <TotpStepForm
          step={flow.step}
          size={size}
          pending={flow.pending}
          onSubmit={(code) => void flow.submitCode(code)}
          onBack={flow.restart}
        />
      )}
    </>
  );
}
