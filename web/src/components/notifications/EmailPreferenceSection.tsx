import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import type { EmailPreference } from './types.ts';

const choices: EmailPreference[] = ['immediate', 'daily', 'weekly', 'never'];

/** How a person hears by e-mail what waits for them: right away, a daily or weekly digest, or never. */
export function EmailPreferenceSection() {
  const { t } = useT();
  const [email, setEmail] = useState<EmailPreference | null>(null);
  const [mailAvailable, setMailAvailable] = useState(true);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ email: EmailPreference; mailAvailable: boolean }>('/api/me/notification-preferences', { signal: controller.signal })
      .then((p) => {
        setEmail(p.email);
        setMailAvailable(p.mailAvailable);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!email) return;
    setStatus(null);
    setError(null);
    try {
      await api.put('/api/me/notification-preferences', { email });
      setStatus(t('settings.mail.saved'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  return (
    <section className="section" aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t('settings.mail.heading')}</h2>
      <p>{t('settings.mail.intro')}</p>
      {!mailAvailable && <p>{t('settings.mail.notConfigured')}</p>}
      {email && (
        <form className="form" noValidate onSubmit={save}>
          <ErrorAlert message={error} />
          <fieldset className="field">
            <legend>{t('settings.mail.legend')}</legend>
            <div className="choice-list">
              {choices.map((choice) => (
                <label key={choice} className="choice">
                  <input type="radio" name="mail" value={choice} checked={email === choice} onChange={() => setEmail(choice)} />
                  {t(`settings.mail.choices.${choice}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('settings.mail.save')}
            </button>
          </div>
          <StatusMessage message={status} />
        </form>
      )}
    </section>
  );
}
