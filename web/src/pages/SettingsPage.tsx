import { type FormEvent, useRef, useState } from 'react';
import { api } from '../api.ts';
import { ChangePasswordSection } from '../components/account/ChangePasswordSection.tsx';
import { MyDataSection } from '../components/account/MyDataSection.tsx';
import { SessionsSection } from '../components/account/SessionsSection.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TwoFactorSection } from '../components/factors/TwoFactorSection.tsx';
import { EmailPreferenceSection } from '../components/notifications/EmailPreferenceSection.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { setMe, useMe } from '../session.ts';
import type { Language, MeView } from '../types.ts';

const fields = ['displayName', 'language'] as const;

/** Your own name and the language of the app, your password and sessions, and your data (download, erasure). */
export function Component() {
  const { t } = useT();
  const me = useMe();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [displayName, setDisplayName] = useState(me.user.displayName);
  // Untouched, the choice follows the account (the header's language switch can change it too).
  const [languageChoice, setLanguage] = useState<Language | null>(null);
  const language = languageChoice ?? me.user.language;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // Bumped after a password change, which ends the other sessions: the list reloads.
  const [sessionsVersion, setSessionsVersion] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    if (!check({ displayName: displayName.trim() === '' ? t('settings.displayNameRequired') : undefined })) return;
    setBusy(true);
    try {
      const fresh = await api.patch<MeView>('/api/me', { displayName: displayName.trim(), language });
      await setMe(fresh);
      setDisplayName(fresh.user.displayName);
      setLanguage(null);
      // Written in the language just chosen, since the whole page now uses it.
      setSaved(t('settings.saved', { lng: fresh.user.language }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('settings.title')} />
      <p className="lead">{t('settings.intro')}</p>
      <p>{t('settings.email', { email: me.user.email })}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('settings.displayName')}
          hint={t('settings.displayNameHint')}
          name="displayName"
          autoComplete="name"
          maxLength={100}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={fieldErrors.displayName}
        />
        <fieldset className="field">
          <legend>{t('settings.languageLegend')}</legend>
          {fieldErrors.language && <p className="field-error">{fieldErrors.language}</p>}
          <div className="choice-list">
            <label className="choice" lang="nl">
              <input type="radio" name="language" value="nl" checked={language === 'nl'} onChange={() => setLanguage('nl')} />
              Nederlands
            </label>
            <label className="choice" lang="en">
              <input type="radio" name="language" value="en" checked={language === 'en'} onChange={() => setLanguage('en')} />
              English
            </label>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
        <StatusMessage message={saved} />
      </form>
      <TwoFactorSection />
      <EmailPreferenceSection />
      <ChangePasswordSection email={me.user.email} onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection version={sessionsVersion} />
      <MyDataSection />
    </>
  );
}
