import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PasswordField } from '../PasswordField.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

export const PASSWORD_MIN = 12;
const fields = ['currentPassword', 'newPassword'] as const;

/** Change your password: the current one is asked; every other session of yours ends (the server says how many). */
export function ChangePasswordSection({ email, onChanged }: { email: string; onChanged: () => void }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const ok = check({
      currentPassword: currentPassword === '' ? t('account.password.currentRequired') : undefined,
      newPassword:
        newPassword === ''
          ? t('account.password.newRequired')
          : [...newPassword].length < PASSWORD_MIN
            ? t('account.password.tooShort', { min: PASSWORD_MIN, count: [...newPassword].length })
            : undefined,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const { ended } = await api.post<{ ended: number }>('/api/me/password', { currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setDone(t('account.password.changed', { count: ended }));
      onChanged();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.heading')}</h2>
      <p>{t('account.password.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        {/* For password managers: which account this password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          label={t('account.password.current')}
          name="currentPassword"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={fieldErrors.currentPassword}
        />
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
            {t('account.password.submit')}
          </button>
        </div>
        <StatusMessage message={busy ? t('common.loading') : done} />
      </form>
    </section>
  );
}
