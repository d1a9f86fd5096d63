import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

type LinkMode = 'first_sign_in' | 'invitation';
export type SsoSettings = {
  configured: boolean;
  issuer: string;
  clientId: string;
  secretStored: boolean;
  domains: string[];
  linkMode: LinkMode;
  enabled: boolean;
  redirectUri: string;
};

const fields = ['issuer', 'clientId', 'clientSecret', 'domains'] as const;

/** For the page's loader. */
export const loadSsoSettings = (organisationId: string) => api.get<SsoSettings>(apiPath`/api/orgs/${organisationId}/sso`);

/** An admin connects the organisation's own sign-in server (OpenID Connect). The secret is never shown again. */
export function SsoSettingsForm({ organisationId, initial }: { organisationId: string; initial: SsoSettings }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [current, setCurrent] = useState<SsoSettings>(initial);
  const [issuer, setIssuer] = useState(initial.issuer);
  const [clientId, setClientId] = useState(initial.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(initial.domains.join(', '));
  const [linkMode, setLinkMode] = useState<LinkMode>(initial.linkMode);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const show = (s: SsoSettings) => {
    setCurrent(s);
    setIssuer(s.issuer);
    setClientId(s.clientId);
    setClientSecret('');
    setDomains(s.domains.join(', '));
    setLinkMode(s.linkMode);
    setEnabled(s.enabled);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const domainList = domains
      .split(/[\s,;]+/)
      .map((d) => d.trim().replace(/^@/, ''))
      .filter(Boolean);
    const ok = check({
      issuer: issuer.trim() === '' ? t('sso.settings.issuerRequired') : undefined,
      clientId: clientId.trim() === '' ? t('sso.settings.clientIdRequired') : undefined,
      clientSecret: !current.secretStored && clientSecret.trim() === '' ? t('sso.settings.secretRequired') : undefined,
      domains: domainList.length === 0 ? t('sso.settings.domainsRequired') : undefined,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const body = {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        domains: domainList,
        linkMode,
        enabled,
        ...(clientSecret.trim() ? { clientSecret } : {}),
      };
      show(await api.put<SsoSettings>(apiPath`/api/orgs/${organisationId}/sso`, body));
      setSaved(enabled ? t('sso.settings.savedOn') : t('sso.settings.savedOff'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="sso-settings-heading">
      <h2 id="sso-settings-heading">{t('sso.settings.heading')}</h2>
      <p>{t('sso.settings.intro')}</p>
      <p>
        {t('sso.settings.redirectUri')} <code className="break-anywhere">{current.redirectUri}</code>
      </p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('sso.settings.issuer')}
          hint={t('sso.settings.issuerHint')}
          name="issuer"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={issuer}
          onChange={(event) => setIssuer(event.target.value)}
          error={fieldErrors.issuer}
        />
        <TextField
          label={t('sso.settings.clientId')}
          name="clientId"
          autoComplete="off"
          spellCheck={false}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          error={fieldErrors.clientId}
        />
        <TextField
          label={t('sso.settings.clientSecret')}
          hint={current.secretStored ? t('sso.settings.secretStoredHint') : t('sso.settings.secretHint')}
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
          error={fieldErrors.clientSecret}
        />
        <TextField
          label={t('sso.settings.domains')}
          hint={t('sso.settings.domainsHint')}
          name="domains"
          autoComplete="off"
          spellCheck={false}
          value={domains}
          onChange={(event) => setDomains(event.target.value)}
          error={fieldErrors.domains}
        />
        <fieldset className="field">
          <legend>{t('sso.settings.linkMode')}</legend>
          <div className="choice-list">
            {(['invitation', 'first_sign_in'] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="linkMode" value={mode} checked={linkMode === mode} onChange={() => setLinkMode(mode)} />
                {t(`sso.settings.linkModes.${mode}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="choice">
          <input type="checkbox" name="enabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t('sso.settings.enabled')}
        </label>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('sso.settings.save')}
          </button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
