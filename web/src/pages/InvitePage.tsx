import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, renewCsrfToken } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SecondStep } from '../components/factors/SecondStep.tsx';
import type { SecondFactorNeeded } from '../components/factors/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { signedIn } from '../session.ts';
import type { InvitationPreview, MeView } from '../types.ts';

const PASSWORD_MIN = 12;

/** The token sits after the # in the link, so it never reaches a server log. */
function tokenFromHash(): string {
  const raw = window.location.hash.replace(/^#/, '').trim();
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Lookup = { state: 'checking' } | { state: 'missing' } | { state: 'invalid'; error: unknown } | { state: 'ready'; preview: InvitationPreview };

const fields = ['displayName', 'password'] as const;

export function Component() {
  const { t } = useT();
  const navigate = useNavigate();
  const [token] = useState(tokenFromHash);
  const [lookup, setLookup] = useState<Lookup>(token ? { state: 'checking' } : { state: 'missing' });
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [secondStep, setSecondStep] = useState<SecondFactorNeeded['secondFactor'] | null>(null);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    api
      .post<InvitationPreview>('/api/invitations/lookup', { token }, { signal: controller.signal, redirectOnUnauthenticated: false })
      .then((preview) => setLookup({ state: 'ready', preview }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setLookup({ state: 'invalid', error: caught });
      });
    return () => controller.abort();
  }, [token]);

  // A link that is used, revoked, expired or mistyped gets one clear message; other trouble (too many tries, no connection) its own.
  const invalidMessage = (error: unknown) => (error instanceof ApiError && error.status !== 400 && error.status !== 404 ? error.message : t('invite.invalid'));

  const finish = async (me: MeView) => {
    renewCsrfToken();
    await signedIn(me);
    const joined = me.organisations.find((org) => org.id === (lookup.state === 'ready' ? lookup.preview.organisationId : ''));
    // Replacing the entry also takes the token out of the browser history.
    navigate(joined ? `/o/${joined.id}` : '/', { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || lookup.state !== 'ready') return;
    const isNew = !lookup.preview.accountExists;
    const ok = check({
      displayName: isNew && displayName.trim() === '' ? t('invite.displayNameRequired') : undefined,
      password:
        password === ''
          ? t('invite.passwordRequired')
          : isNew && password.length < PASSWORD_MIN
            ? t('invite.passwordTooShort', { min: PASSWORD_MIN, count: password.length })
            : undefined,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const body = isNew ? { token, displayName: displayName.trim(), password } : { token, password };
      const answer = await api.post<MeView | SecondFactorNeeded>('/api/invitations/accept', body, { redirectOnUnauthenticated: false });
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
      <PageTitle text={t('invite.title')} />
      {lookup.state === 'checking' && <StatusMessage message={t('invite.checking')} />}
      {lookup.state === 'missing' && <ErrorAlert message={t('invite.missing')} />}
      {lookup.state === 'invalid' && <ErrorAlert message={invalidMessage(lookup.error)} />}
      {(lookup.state === 'missing' || lookup.state === 'invalid') && (
        <p>
          <Link to="/login">{t('invite.toLogin')}</Link>
        </p>
      )}
      {lookup.state === 'ready' && secondStep && <SecondStep offers={secondStep} onSignedIn={finish} />}
      {lookup.state === 'ready' && !secondStep && (
        <>
          <p className="lead">{t('invite.intro', { organisation: lookup.preview.organisationName, role: t(`roles.${lookup.preview.role}`) })}</p>
          <p>{lookup.preview.accountExists ? t('invite.existingAccount') : t('invite.newAccount')}</p>
          <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
            <ErrorAlert key={attempt} message={formError?.message ?? null} />
            <TextField label={t('invite.email')} type="email" name="email" autoComplete="username" value={lookup.preview.email} readOnly />
            {!lookup.preview.accountExists && (
              <TextField
                label={t('invite.displayName')}
                hint={t('invite.displayNameHint')}
                name="displayName"
                autoComplete="name"
                maxLength={100}
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
                error={fieldErrors.displayName}
              />
            )}
            <PasswordField
              label={lookup.preview.accountExists ? t('invite.password') : t('invite.newPassword')}
              hint={lookup.preview.accountExists ? undefined : t('invite.newPasswordHint', { min: PASSWORD_MIN })}
              name="password"
              autoComplete={lookup.preview.accountExists ? 'current-password' : 'new-password'}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('invite.submit')}
              </button>
            </div>
            <StatusMessage message={busy ? t('common.loading') : null} />
          </form>
        </>
      )}
    </>
  );
}
