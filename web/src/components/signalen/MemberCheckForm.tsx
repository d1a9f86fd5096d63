import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SubmitRow } from '../SubmitRow.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { type Stance, stances } from './types.ts';

const fields = ['stance', 'comment'] as const;

/** Member checking: confirm, nuance or contest the theme before it becomes a signal. */
export function MemberCheckForm({ orgId, signalId }: { orgId: string; signalId: string }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, fail, reset } = useFormErrors(formRef, fields);
  const [stance, setStance] = useState<Stance>('confirm');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    reset();
    try {
      await api.post(apiPath`/api/orgs/${orgId}/signals/${signalId}/member-checks`, { stance, comment });
      await revalidate();
      setComment('');
      setStatus(t('signalen.check.saved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="check-heading" aria-busy={busy || undefined}>
      <h2 id="check-heading">{t('signalen.check.title')}</h2>
      <p>{t('signalen.check.intro')}</p>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <fieldset className="field">
        <legend>{t('signalen.check.stance')}</legend>
        <div className="choice-list">
          {stances.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="stance" value={s} checked={stance === s} onChange={() => setStance(s)} /> {t(`signalen.stance.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('signalen.check.comment')}
        hint={t('signalen.check.commentHint')}
        name="comment"
        rows={4}
        maxLength={5000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={fieldErrors.comment}
      />
      <SubmitRow label={t('signalen.check.submit')} status={status} />
    </form>
  );
}
