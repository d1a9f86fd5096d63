import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

const failures = ['denied', 'expired', 'failed', 'unverified', 'not_invited', 'disabled', 'wrong_domain'] as const;
const fields = ['ssoEmail'] as const;

/**
 * Signing in through the person's organisation (single sign-on): they type their work address and,
 * when its domain has a provider, go there. Coming back refused, the reason is shown in words.
 */
export function SsoSignIn() {
  const { t } = useT();
  const [searchParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const returned = searchParams.get('sso');
  const failure = failures.find((f) => f === returned);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!check({ ssoEmail: email.trim() === '' ? t('sso.emailRequired') : undefined })) return;
    setBusy(true);
    try {
      const next = searchParams.get('next') ?? undefined;
      const { redirectUrl } = await api.post<{ redirectUrl: string }>(
        '/api/auth/sso/start',
        { email: email.trim(), ...(next ? { next } : {}) },
        { redirectOnUnauthenticated: false },
      );
      window.location.assign(redirectUrl);
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{t('sso.heading')}</h2>
      <p>{t('sso.intro')}</p>
      {failure && <ErrorAlert message={t(`sso.failure.${failure}`)} />}
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('sso.email')}
          type="email"
          name="ssoEmail"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.ssoEmail}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {t('sso.submit')}
          </button>
        </div>
        <StatusMessage message={busy ? t('sso.busy') : null} />
      </form>
    </section>
  );
}
