import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import type { MeView } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextField } from '../TextField.tsx';
import type { SecondFactorNeeded } from './types.ts';

type Mode = 'app' | 'recovery';

/** After the right password: the code from the app, a passkey, or a recovery code. */
export function SecondStep({ offers, onSignedIn }: { offers: SecondFactorNeeded['secondFactor']; onSignedIn: (me: MeView) => void }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, ['code'] as const);
  const [mode, setMode] = useState<Mode>(offers.authenticatorApp ? 'app' : 'recovery');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [browserError, setBrowserError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!check({ code: code.trim() === '' ? t('factors.signIn.codeRequired') : undefined })) return;
    setBusy(true);
    try {
      const url = mode === 'app' ? '/api/auth/second-factor/authenticator-app' : '/api/auth/second-factor/recovery-code';
      onSignedIn(await api.post<MeView>(url, { code }, { redirectOnUnauthenticated: false }));
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  const signWithPasskey = async () => {
    if (busy) return;
    setBrowserError(null);
    setBusy(true);
    try {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>(
        '/api/auth/second-factor/passkey/options',
        {},
        { redirectOnUnauthenticated: false },
      );
      let response: Awaited<ReturnType<typeof startAuthentication>>;
      try {
        response = await startAuthentication({ optionsJSON });
      } catch {
        setBrowserError(t('factors.passkey.browserRefused'));
        setBusy(false);
        return;
      }
      onSignedIn(await api.post<MeView>('/api/auth/second-factor/passkey', { response }, { redirectOnUnauthenticated: false }));
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <h2 ref={heading} tabIndex={-1}>
        {t('factors.signIn.heading')}
      </h2>
      <ErrorAlert key={attempt} message={formError?.message ?? browserError} />
      {offers.passkey && (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={signWithPasskey}>
            {t('factors.signIn.usePasskey')}
          </button>
        </div>
      )}
      <TextField
        key={mode}
        label={mode === 'app' ? t('factors.signIn.appCode') : t('factors.signIn.recoveryCode')}
        hint={mode === 'app' ? t('factors.signIn.appHint') : t('factors.signIn.recoveryHint')}
        name="code"
        inputMode={mode === 'app' ? 'numeric' : 'text'}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldErrors.code}
      />
      <div className="button-row">
        <button type="submit" className={offers.passkey ? 'button button-secondary' : 'button button-primary'}>
          {t('factors.signIn.submit')}
        </button>
      </div>
      {offers.authenticatorApp && offers.recoveryCode && (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            setMode(mode === 'app' ? 'recovery' : 'app');
            setCode('');
          }}
        >
          {mode === 'app' ? t('factors.signIn.toRecovery') : t('factors.signIn.toApp')}
        </button>
      )}
    </form>
  );
}
