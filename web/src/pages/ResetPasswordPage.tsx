import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../api.ts';
import { PASSWORD_MIN } from '../components/account/ChangePasswordSection.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';

/** The token sits after the # in the link, so it never reaches a server log. */
function tokenFromHash(): string {
  return window.location.hash.replace(/^#/, '').trim();
}

const fields = ['newPassword'] as const;

/** Choose a new password with a reset link (once, within the hour); then sign in with it. */
export function Component() {
  const { t } = useT();
  const navigate = useNavigate();
  const [token] = useState(tokenFromHash);
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [linkInvalid, setLinkInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const length = [...newPassword].length;
    const ok = check({
      newPassword:
        newPassword === ''
          ? t('account.password.newRequired')
          : length < PASSWORD_MIN
            ? t('account.password.tooShort', { min: PASSWORD_MIN, count: length })
            : undefined,
    });
    if (!ok) return;
    setBusy(true);
    try {
      await api.post('/api/auth/reset-password', { token, newPassword }, { redirectOnUnauthenticated: false });
      // Replacing the entry also takes the token out of the browser history.
      navigate('/login', { replace: true, state: { passwordReset: true } });
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 404 || (caught.status === 400 && caught.issueFor('token')))) setLinkInvalid(true);
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('account.reset.title')} />
      {!token ? (
        <ErrorAlert message={t('account.reset.missing')} />
      ) : (
        <>
          <p>{t('account.reset.intro')}</p>
          <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
            <ErrorAlert key={attempt} message={formError?.message ?? null} />
            <PasswordField
              label={t('account.password.new')}
              hint={t('account.password.newHint', { min: PASSWORD_MIN })}
              name="newPassword"
              autoComplete="new-password"
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
              error={fieldErrors.newPassword}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('account.reset.submit')}
              </button>
            </div>
            <StatusMessage message={busy ? t('common.loading') : null} />
          </form>
        </>
      )}
      {(!token || linkInvalid) && (
        <p>
          <Link to="/forgot-password">{t('account.reset.askNew')}</Link>
        </p>
      )}
    </>
  );
}
