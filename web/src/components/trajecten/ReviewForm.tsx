import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { langOf, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { AgreementView, TrajectoryDetailView } from './types.ts';

type Props = { detail: TrajectoryDetailView; base: string; agreement: AgreementView; label: string };

/** Looking at an agreement again: a note, the next date, and the team checks as evidence. */
export function ReviewForm({ detail, base, agreement, label }: Props) {
  const { t, i18n } = useT();
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [rounds, setRounds] = useState<string[]>([]);
  const save = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.run(
      () =>
        api.post(`${base}/agreements/${encodeURIComponent(agreement.id)}/reviews`, {
          note,
          nextReviewOn: next || null,
          evidence: rounds.map((id) => ({ kind: 'round', id })),
        }),
      t('trajecten.reviewSaved', { topic: label }),
    );
    if (ok) {
      setNote('');
      setRounds([]);
    }
  };

  return (
    <details className="trajectory-review">
      <summary>{t('trajecten.review', { topic: label })}</summary>
      {agreement.reviews.length > 0 && (
        <ul className="trajectory-list">
          {agreement.reviews.map((r) => (
            <li key={r.id}>
              {t('trajecten.reviewedBy', { name: r.reviewedBy.displayName, date: formatDate(r.reviewedAt, langOf(i18n.resolvedLanguage)) })}: {r.note}
              {r.evidence.length > 0 && ` (${t('trajecten.evidenceCount', { count: r.evidence.length })})`}
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
        <SaveFeedback {...save} />
        <TextAreaField label={t('trajecten.reviewNote')} value={note} onChange={(e) => setNote(e.target.value)} error={save.issue('note')} />
        <TextField type="date" label={t('trajecten.nextReview')} value={next} onChange={(e) => setNext(e.target.value)} error={save.issue('nextReviewOn')} />
        {detail.checks.length > 0 && (
          <fieldset className="field">
            <legend>{t('trajecten.evidence')}</legend>
            <div className="choice-list">
              {detail.checks.map((c) => (
                <label key={c.roundId} className="choice">
                  <input
                    type="checkbox"
                    checked={rounds.includes(c.roundId)}
                    onChange={(e) => setRounds(e.target.checked ? [...rounds, c.roundId] : rounds.filter((r) => r !== c.roundId))}
                  />
                  {c.roundName}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button button-secondary">
            {t('trajecten.saveReview')}
          </button>
        </div>
      </form>
    </details>
  );
}
