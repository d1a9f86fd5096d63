import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { SubmitRow } from '../SubmitRow.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import type { Signal } from './types.ts';

const fields = ['to', 'note'] as const;

/** For those who handle the signal: the next step, with a note (required for a refusal and for the feedback). */
export function StepForm({ orgId, signal }: { orgId: string; signal: Signal }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, fail, reset } = useFormErrors(formRef, fields);
  const [to, setTo] = useState(signal.nextStatuses[0] ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(null);
    reset();
    try {
      const updated = await api.post<Signal>(apiPath`/api/orgs/${orgId}/signals/${signal.id}/steps`, { to, note });
      await revalidate();
      setNote('');
      setTo(updated.nextStatuses[0] ?? '');
      setStatus(t('signalen.step.saved', { status: t(`signalen.status.${updated.status}`) }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="step-heading" aria-busy={busy || undefined}>
      <h2 id="step-heading">{t('signalen.step.title')}</h2>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <SelectField label={t('signalen.step.to')} name="to" value={to} onChange={(event) => setTo(event.target.value as typeof to)} error={fieldErrors.to}>
        {signal.nextStatuses.map((next) => (
          <option key={next} value={next}>
            {t(`signalen.status.${next}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={to === 'feedback_given' ? t('signalen.step.feedback') : t('signalen.step.note')}
        hint={to === 'feedback_given' ? t('signalen.step.feedbackHint') : t('signalen.step.noteHint')}
        name="note"
        rows={4}
        maxLength={5000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldErrors.note}
      />
      <SubmitRow label={t('signalen.step.submit')} status={status} />
    </form>
  );
}
