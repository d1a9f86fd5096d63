import { type FormEvent, useRef, useState } from 'react';
import { type LoaderFunctionArgs, redirect, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, renewCsrfToken } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PasskeySignIn } from '../components/factors/PasskeySignIn.tsx';
import { SecondStep } from '../components/factors/SecondStep.tsx';
import type { SecondFactorNeeded } from '../components/factors/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { SsoSignIn } from '../components/sso/SsoSignIn.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { currentMe, safeNextPath, signedIn } from '../session.ts';
import type { MeView } from '../types.ts';

/** Someone who is already signed in goes straight on. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentMe()) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  return null;
}

const fields = ['email', 'password'] as const;

export function Component() {
  const { t } = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [secondStep, setSecondStep] = useState<SecondFactorNeeded['secondFactor'] | null>(null);

  const state = (location.state ?? {}) as { signedOut?: boolean; sessionEnded?: boolean };
  const notice = state.signedOut ? t('login.signedOut') : state.sessionEnded ? t('login.sessionEnded') : null;

  const finish = async (me: MeView) => {
    renewCsrfToken();
    await signedIn(me);
    navigate(safeNextPath(searchParams.get('next')), { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const ok = check({
      email: email.trim() === '' ? t('login.emailRequired') : undefined,
      password: password === '' ? t('login.passwordRequired') : undefined,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const answer = await api.post<MeView | SecondFactorNeeded>('/api/auth/login', { email: email.trim(), password }, { redirectOnUnauthenticated: false });
      if ('secondFactor' in answer) {
        setPassword('');
        setBusy(false);
        setSecondStep(answer.secondFactor);
        return;
      }
      await finish(answer);
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('login.title')} />
      <StatusMessage message={notice} />
      {secondStep ? (
        <SecondStep offers={secondStep} onSignedIn={finish} />
      ) : (
        <>
          <p>{t('login.intro')}</p>
          <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
            <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.status === 500 ? formError.requestId : undefined} />
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldErrors.email}
            />
            <PasswordField
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('login.submit')}
              </button>
            </div>
            <StatusMessage message={busy ? t('login.busy') : null} />
          </form>
          <PasskeySignIn onSignedIn={finish} />
          <SsoSignIn />
        </>
      )}
      <div className="help-text">
        <p>{t('login.forgotPassword')}</p>
        <p>{t('login.noAccount')}</p>
      </div>
    </>
  );
}
