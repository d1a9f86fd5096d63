import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextField } from '../TextField.tsx';
import type { RecoveryCodesView } from './types.ts';

/** Names a new passkey and lets the browser make it (fingerprint, face, PIN or a USB key). */
export function PasskeyAdd({ onDone }: { onDone: (recoveryCodes: string[] | null) => void }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, ['name'] as const);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [browserError, setBrowserError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBrowserError(null);
    if (!check({ name: name.trim() === '' ? t('factors.passkey.nameRequired') : undefined })) return;
    setBusy(true);
    try {
      const optionsJSON = await api.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/factors/passkeys/options');
      let response: Awaited<ReturnType<typeof startRegistration>>;
      try {
        response = await startRegistration({ optionsJSON });
      } catch {
        setBrowserError(t('factors.passkey.browserRefused'));
        setBusy(false);
        return;
      }
      const result = await api.post<RecoveryCodesView>('/api/me/factors/passkeys', { name: name.trim(), response });
      setName('');
      setBusy(false);
      onDone(result.recoveryCodes);
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <ErrorAlert key={attempt} message={formError?.message ?? browserError} />
      <TextField
        label={t('factors.passkey.nameLabel')}
        hint={t('factors.passkey.nameHint')}
        name="name"
        autoComplete="off"
        maxLength={60}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldErrors.name}
      />
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          {t('factors.passkey.add')}
        </button>
      </div>
    </form>
  );
}
