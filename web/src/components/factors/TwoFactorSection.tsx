import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { AuthenticatorAppSetup } from './AuthenticatorAppSetup.tsx';
import { PasskeyAdd } from './PasskeyAdd.tsx';
import { RecoveryCodesShown } from './RecoveryCodesShown.tsx';
import type { FactorsView, RecoveryCodesView } from './types.ts';

/** Settings: the authenticator app, passkeys and recovery codes of the signed-in person. */
export function TwoFactorSection() {
  const { t } = useT();
  const me = useMe();
  const language = me.user.language;
  const [factors, setFactors] = useState<FactorsView | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFactors(await api.get<FactorsView>('/api/me/factors'));
  }, []);
  useEffect(() => {
    void load().catch((caught: unknown) => setError(caught instanceof ApiError ? caught.message : null));
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    setStatus(null);
    try {
      await work();
      await load();
      setStatus(done);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  const added = (recoveryCodes: string[] | null, message: string) => {
    setCodes(recoveryCodes);
    void load();
    setStatus(message);
  };

  if (!factors) return <ErrorAlert message={error} />;
  return (
    <section className="section" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('factors.heading')}</h2>
      {factors.setupRequired && (
        <p className="notice" role="alert">
          {t('factors.required')}
        </p>
      )}
      <p>{t('factors.intro')}</p>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
      {codes && <RecoveryCodesShown codes={codes} onDone={() => setCodes(null)} />}

      <h3>{t('factors.app.heading')}</h3>
      {factors.authenticatorApp ? (
        <>
          <p>{t('factors.app.on')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => act(() => api.delete('/api/me/factors/authenticator-app'), t('factors.app.removed'))}
          >
            {t('factors.app.remove')}
          </button>
        </>
      ) : (
        <>
          <p>{t('factors.app.off')}</p>
          <AuthenticatorAppSetup onDone={(recoveryCodes) => added(recoveryCodes, t('factors.app.added'))} />
        </>
      )}

      <h3>{t('factors.passkey.heading')}</h3>
      <p>{t('factors.passkey.intro')}</p>
      {factors.passkeys.length > 0 && (
        <ul className="factor-list">
          {factors.passkeys.map((passkey) => (
            <li key={passkey.id}>
              <strong>{passkey.name}</strong>{' '}
              {passkey.lastUsedAt
                ? t('factors.passkey.lastUsed', { date: formatDate(passkey.lastUsedAt, language) })
                : t('factors.passkey.added', { date: formatDate(passkey.createdAt, language) })}{' '}
              <button
                type="button"
                className="button button-small button-danger-outline"
                onClick={() => act(() => api.delete(apiPath`/api/me/factors/passkeys/${passkey.id}`), t('factors.passkey.removed', { name: passkey.name }))}
              >
                {t('factors.passkey.remove', { name: passkey.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PasskeyAdd onDone={(recoveryCodes) => added(recoveryCodes, t('factors.passkey.addedStatus'))} />

      {(factors.authenticatorApp || factors.passkeys.length > 0) && (
        <>
          <h3>{t('factors.recovery.heading')}</h3>
          <p>{t('factors.recovery.left', { count: factors.recoveryCodesLeft })}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              act(async () => setCodes((await api.post<RecoveryCodesView>('/api/me/factors/recovery-codes')).recoveryCodes), t('factors.recovery.renewed'))
            }
          >
            {t('factors.recovery.renew')}
          </button>
        </>
      )}
    </section>
  );
}
