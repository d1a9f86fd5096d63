import { type FormEvent, useRef, useState } from 'react';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { BrandColourForm } from '../components/BrandColourForm.tsx';
import { BrandLogoForm } from '../components/BrandLogoForm.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TwoFactorRuleSection } from '../components/factors/TwoFactorRuleSection.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { loadSsoSettings, SsoSettingsForm } from '../components/sso/SsoSettingsForm.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useT } from '../i18n.ts';
import { getMe, setMe } from '../session.ts';

const fields = ['disclosureThreshold'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.manageOrganisation);
  return { sso: await loadSsoSettings(org.id) };
}

/** The organisation's threshold for small counts (admins; at least 5). */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { sso } = useLoaderData<typeof loader>();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [value, setValue] = useState(String(org.disclosureThreshold));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const k = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!check({ disclosureThreshold: Number.isInteger(k) && k >= 5 && k <= 50 ? undefined : t('orgSettings.thresholdInvalid') })) return;
    setBusy(true);
    try {
      const result = await api.patch<{ disclosureThreshold: number }>(apiPath`/api/orgs/${org.id}/settings`, { disclosureThreshold: k });
      const me = getMe();
      if (me)
        void setMe({ ...me, organisations: me.organisations.map((o) => (o.id === org.id ? { ...o, disclosureThreshold: result.disclosureThreshold } : o)) });
      setSaved(t('orgSettings.saved', { k: result.disclosureThreshold }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('orgSettings.title')} />
      <p className="lead">{t('orgSettings.intro', { organisation: org.name })}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('orgSettings.thresholdLabel')}
          hint={t('orgSettings.thresholdHint')}
          name="disclosureThreshold"
          inputMode="numeric"
          autoComplete="off"
          maxLength={2}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={fieldErrors.disclosureThreshold}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
        <StatusMessage message={saved} />
      </form>
      <SsoSettingsForm organisationId={org.id} initial={sso} />
      <TwoFactorRuleSection organisationId={org.id} />
      <BrandColourForm orgId={org.id} />
      <BrandLogoForm orgId={org.id} orgName={org.name} />
    </>
  );
}
