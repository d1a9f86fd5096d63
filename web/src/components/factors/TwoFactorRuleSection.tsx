import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

type Rule = { requiredForDataRoles: boolean };

/** Organisation settings: ask two steps of admins and researchers, who see unsuppressed data. */
export function TwoFactorRuleSection({ organisationId }: { organisationId: string }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { formError, attempt, fail } = useFormErrors(formRef, [] as const);
  const [required, setRequired] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<Rule>(apiPath`/api/orgs/${organisationId}/two-factor-rule`)
      .then((rule) => setRequired(rule.requiredForDataRoles))
      .catch((caught: unknown) => setLoadError(caught instanceof Error ? caught.message : null));
  }, [organisationId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || required === null) return;
    setSaved(null);
    setBusy(true);
    try {
      const rule = await api.put<Rule>(apiPath`/api/orgs/${organisationId}/two-factor-rule`, { requiredForDataRoles: required });
      setSaved(rule.requiredForDataRoles ? t('factors.rule.savedOn') : t('factors.rule.savedOff'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="two-factor-rule-heading">
      <h2 id="two-factor-rule-heading">{t('factors.rule.heading')}</h2>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? loadError} />
        <p id="two-factor-rule-hint">{t('factors.rule.hint')}</p>
        <label className="choice">
          <input
            type="checkbox"
            name="requiredForDataRoles"
            aria-describedby="two-factor-rule-hint"
            checked={required ?? false}
            disabled={required === null}
            onChange={(event) => setRequired(event.target.checked)}
          />
          {t('factors.rule.label')}
        </label>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
