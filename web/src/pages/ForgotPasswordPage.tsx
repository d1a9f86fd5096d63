import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';

const fields = ['email'] as const;

/**
 * "Forgot password": with e-mail, a link is sent; the answer is the same whether or not the address
 * is known. Without e-mail on this server, the page says to ask an admin for a link.
 */
export function Component() {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [byMail, setByMail] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ byMail: boolean }>('/api/auth/password-reset', { signal: controller.signal, redirectOnUnauthenticated: false })
      .then((options) => setByMail(options.byMail))
      .catch(() => {
        if (!controller.signal.aborted) setByMail(false);
      });
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!check({ email: email.trim() === '' ? t('login.emailRequired') : undefined })) return;
    setBusy(true);
    try {
      await api.post('/api/auth/forgot-password', { email: email.trim() }, { redirectOnUnauthenticated: false });
      setSent(true);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('account.forgot.title')} />
      {byMail === null && <StatusMessage message={t('common.loading')} />}
      {byMail === false && <p>{t('account.forgot.noMail')}</p>}
      {byMail && !sent && (
        <>
          <p>{t('account.forgot.intro')}</p>
          <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
            <ErrorAlert key={attempt} message={formError?.message ?? null} />
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
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('account.forgot.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <StatusMessage message={sent ? t('account.forgot.sent') : null} />
      <p>
        <Link to="/login">{t('account.forgot.toLogin')}</Link>
      </p>
    </>
  );
}
