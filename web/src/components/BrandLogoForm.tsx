import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, apiPath } from '../api.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';
import { StatusMessage } from './StatusMessage.tsx';

const fields = ['logo'] as const;
type Logo = { width: number; height: number; updatedAt: string } | null;

/** The organisation's logo on its respondent form: upload (checked and cleaned by the server), see it, remove it. */
export function BrandLogoForm({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [logo, setLogo] = useState<Logo>(null);
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set once this page has saved or removed a logo: a stored logo that arrives after that is out of date. */
  const changed = useRef(false);
  const path = apiPath`/api/orgs/${orgId}/branding/logo`;

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ logo: Logo }>(apiPath`/api/orgs/${orgId}/branding`, { signal: controller.signal })
      .then((b) => {
        if (!changed.current) setLogo(b.logo);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [orgId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    if (!check({ logo: file ? undefined : t('orgSettings.logoMissing') }) || !file) return;
    setBusy(true);
    try {
      const stored = await api.put<Logo>(path, file);
      changed.current = true;
      setLogo(stored);
      setSaved(t('orgSettings.logoSaved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setSaved(null);
    try {
      await api.delete(path);
      changed.current = true;
      setLogo(null);
      setSaved(t('orgSettings.logoRemoved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="brand-logo-heading">
      <h2 id="brand-logo-heading">{t('orgSettings.logoHeading')}</h2>
      <p>{t('orgSettings.logoIntro')}</p>
      {logo && (
        <p>
          <img className="brand-logo-preview" src={`${path}?v=${encodeURIComponent(logo.updatedAt)}`} alt={orgName} width={logo.width} height={logo.height} />
        </p>
      )}
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <Field label={logo ? t('orgSettings.logoReplace') : t('orgSettings.logoFile')} hint={t('orgSettings.logoHint')} error={fieldErrors.logo}>
          {(control) => (
            <input {...control} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('orgSettings.logoSave')}
          </button>
          {logo && (
            <button type="button" className="button button-danger-outline" onClick={() => void remove()} disabled={busy}>
              {t('orgSettings.logoRemove')}
            </button>
          )}
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
