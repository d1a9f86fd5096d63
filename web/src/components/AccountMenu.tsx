import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { ApiError, api, renewCsrfToken } from '../api.ts';
import { useT } from '../i18n.ts';
import { clearMe, useMe } from '../session.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Who is signed in, a link to the settings, and signing out. */
export function AccountMenu() {
  const { t } = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/logout');
      renewCsrfToken();
      clearMe();
      navigate('/login', { replace: true, state: { signedOut: true } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
      setBusy(false);
    }
  };

  return (
    <div className="account-menu">
      <p className="account-name">{t('header.signedInAs', { name: me.user.displayName })}</p>
      <ul className="account-actions">
        <li>
          <NavLink to="/settings">{t('header.settings')}</NavLink>
        </li>
        <li>
          <button type="button" className="button button-secondary button-small" onClick={signOut} aria-disabled={busy || undefined}>
            {t('header.signOut')}
          </button>
        </li>
      </ul>
      {error && <ErrorAlert message={t('header.signOutFailed', { reason: error.message })} />}
    </div>
  );
}
