import { browserSupportsWebAuthn, type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import type { MeView } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** Signing in with a passkey alone: no e-mail address, no password (the passkey names the person). */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: (me: MeView) => void }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  if (!browserSupportsWebAuthn()) return null;

  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    const failed = (message: string) => setError((previous) => ({ message, attempt: (previous?.attempt ?? 0) + 1 }));
    try {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey/options', {}, { redirectOnUnauthenticated: false });
      let response: Awaited<ReturnType<typeof startAuthentication>>;
      try {
        response = await startAuthentication({ optionsJSON });
      } catch {
        failed(t('factors.passkey.browserRefused'));
        return;
      }
      onSignedIn(await api.post<MeView>('/api/auth/passkey', { response }, { redirectOnUnauthenticated: false }));
    } catch (caught) {
      failed(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="section" aria-busy={busy || undefined}>
      <ErrorAlert key={error?.attempt} message={error?.message ?? null} />
      <p>{t('factors.signIn.passkeyIntro')}</p>
      <button type="button" className="button button-secondary" onClick={signIn}>
        {t('factors.signIn.withPasskey')}
      </button>
    </div>
  );
}
