import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

/** The same limits as the server (src/modules/privacy/retention-model.ts); the server checks again. */
export const retentionFields = {
  rawAnswersDays: { min: 30, max: 3650 },
  leaverStoriesDays: { min: 30, max: 3650 },
  sessionsDays: { min: 1, max: 365 },
  logsDays: { min: 7, max: 730 },
  auditDays: { min: 180, max: 3650 },
} as const;
type Key = keyof typeof retentionFields;
export type Retention = Record<Key, number>;
const keys = Object.keys(retentionFields) as Key[];

/** How many days each kind of data is kept; an administrator changes them here. */
export function RetentionForm({ org, current }: { org: Organisation; current: Retention }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, keys);
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries(keys.map((k) => [k, String(current[k])])) as Record<Key, string>);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const problems = Object.fromEntries(
      keys.map((k) => {
        const n = Number(values[k]);
        const { min, max } = retentionFields[k];
        return [k, Number.isInteger(n) && n >= min && n <= max ? undefined : t('privacy.range', { min, max })];
      }),
    );
    if (!check(problems)) return;
    setBusy(true);
    try {
      await api.put(apiPath`/api/orgs/${org.id}/retention`, Object.fromEntries(keys.map((k) => [k, Number(values[k])])));
      await revalidate();
      setSaved(t('privacy.saved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      {keys.map((k) => (
        <TextField
          key={k}
          label={`${t(`privacy.${k}`)} (${t('privacy.days')})`}
          hint={t('privacy.range', retentionFields[k])}
          name={k}
          inputMode="numeric"
          value={values[k]}
          onChange={(event) => setValues((v) => ({ ...v, [k]: event.target.value }))}
          error={fieldErrors[k]}
        />
      ))}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('common.save')}
        </button>
      </div>
      <StatusMessage message={saved} />
    </form>
  );
}
