import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { useSave } from './helpers.ts';
import { OwnerFields } from './OwnerFields.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { TrajectoryDetailView } from './types.ts';

/** Phase 3: "Durf keuzes te maken en te expliciteren": each choice with the options considered and the reason. */
export function ChoicesSection({ detail, base }: { detail: TrajectoryDetailView; base: string }) {
  const { t } = useT();
  const choices = detail.agreements.filter((a) => a.topic === 'keuze');
  const [title, setTitle] = useState('');
  const [options, setOptions] = useState('');
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.run(
      () =>
        api.post(`${base}/agreements`, {
          topic: 'keuze',
          title,
          text: chosen,
          options: options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          reason,
          ownerUserId: owner || null,
          reviewOn: reviewOn || null,
        }),
      t('trajecten.choiceSaved', { title }),
    );
    if (ok) {
      setTitle('');
      setOptions('');
      setChosen('');
      setReason('');
    }
  };
  return (
    <section className="section" aria-labelledby="choices-heading">
      <h3 id="choices-heading">{t('trajecten.choicesHeading')}</h3>
      <p>{t('trajecten.choicesIntro')}</p>
      <SaveFeedback {...save} />
      {choices.length === 0 ? (
        <p>{t('trajecten.noChoices')}</p>
      ) : (
        <ul className="trajectory-cards">
          {choices.map((c) => (
            <li key={c.id} className="panel">
              <h4>{c.title}</h4>
              {c.options.length > 0 && <p>{t('trajecten.considered', { list: c.options.join('; ') })}</p>}
              <p>
                <strong>{t('trajecten.chosen')}</strong> {c.text}
              </p>
              {c.reason && <p>{t('trajecten.because', { reason: c.reason })}</p>}
              <p className="meta">
                {t('trajecten.ownerLine', { name: c.owner?.displayName ?? t('trajecten.noOwner') })}
                {c.reviewOn && ` · ${t('trajecten.reviewLine', { date: formatDate(c.reviewOn, currentLanguage()) })}`}
                {c.reviewDue && <span className="tag tag-open">{t('trajecten.reviewDue')}</span>}
              </p>
              {detail.me.canWrite && (
                <>
                  <ReviewForm detail={detail} base={base} agreement={c} label={c.title} />
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() =>
                        void save.run(() => api.delete(`${base}/agreements/${encodeURIComponent(c.id)}`), t('trajecten.choiceRemoved', { title: c.title }))
                      }
                    >
                      {t('trajecten.removeChoice', { title: c.title })}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.me.canWrite && (
        <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined} aria-labelledby="new-choice-heading">
          <h4 id="new-choice-heading">{t('trajecten.newChoice')}</h4>
          <TextField
            label={t('trajecten.choiceQuestion')}
            hint={t('trajecten.choiceQuestionHint')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={save.issue('title')}
          />
          <TextAreaField
            label={t('trajecten.choiceOptions')}
            hint={t('trajecten.choiceOptionsHint')}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
          />
          <TextAreaField label={t('trajecten.choiceChosen')} value={chosen} onChange={(e) => setChosen(e.target.value)} error={save.issue('text')} />
          <TextAreaField label={t('trajecten.choiceReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={save.issue('reason')} />
          <OwnerFields members={detail.members} owner={owner} reviewOn={reviewOn} onOwner={setOwner} onReviewOn={setReviewOn} issueFor={save.issue} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.addChoice')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
