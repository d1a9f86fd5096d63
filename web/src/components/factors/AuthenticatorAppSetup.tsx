import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextField } from '../TextField.tsx';
import type { RecoveryCodesView, TotpSetup } from './types.ts';

const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
/** The secret in groups of four, easier to type over from the screen. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Scan the QR code (or type the key), then confirm with the first code the app shows. */
export function AuthenticatorAppSetup({ onDone }: { onDone: (recoveryCodes: string[] | null) => void }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, ['code'] as const);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await api.post<TotpSetup>('/api/me/factors/authenticator-app'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!check({ code: /^\d{6}$/.test(code.replace(/\s/g, '')) ? undefined : t('factors.app.codeInvalid') })) return;
    setBusy(true);
    try {
      const result = await api.post<RecoveryCodesView>('/api/me/factors/authenticator-app/confirm', { code });
      onDone(result.recoveryCodes);
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  if (!setup) {
    return (
      <div>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <button type="button" className="button button-primary" onClick={start} aria-busy={busy || undefined}>
          {t('factors.app.setUp')}
        </button>
      </div>
    );
  }
  return (
    <form ref={formRef} className="form" noValidate onSubmit={confirm} aria-busy={busy || undefined}>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <ol className="steps">
        <li>{t('factors.app.step1')}</li>
        <li>
          {t('factors.app.step2')}
          <img className="qr-code" src={svgDataUrl(setup.qrSvg)} alt={t('factors.app.qrAlt')} width={200} height={200} />
          <p>
            {t('factors.app.secretText')} <code className="totp-secret">{grouped(setup.secret)}</code>
          </p>
          <p>
            <a href={setup.uri}>{t('factors.app.openLink')}</a>
          </p>
        </li>
        <li>{t('factors.app.step3')}</li>
      </ol>
      <TextField
        label={t('factors.app.codeLabel')}
        hint={t('factors.app.codeHint')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldErrors.code}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('factors.app.confirm')}
        </button>
      </div>
    </form>
  );
}
