import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { text, useSave } from './helpers.ts';
import { OwnerFields } from './OwnerFields.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { AgreementView, TopicKey, TrajectoryDetailView } from './types.ts';
import { phases } from './types.ts';

type Props = { detail: TrajectoryDetailView; base: string; topic: TopicKey };

/** What the team agrees on one topic: the text, an owner and a review date. */
export function AgreementForm({ detail, base, topic }: Props) {
  const { t, i18n } = useT();
  const spec = phases.flatMap((p) => p.topics).find((x) => x.key === topic);
  const existing: AgreementView | undefined = detail.agreements.find((a) => a.topic === topic);
  // A topic with a template starts from it, so the team edits a first draft instead of a blank field.
  const [value, setValue] = useState(existing?.text ?? (spec?.template ? text(spec.template, i18n.resolvedLanguage) : ''));
  const [owner, setOwner] = useState(existing?.owner?.userId ?? '');
  const [reviewOn, setReviewOn] = useState(existing?.reviewOn ?? '');
  const save = useSave();
  const label = spec ? text(spec.label, i18n.resolvedLanguage) : topic;
  const id = `agreement-${topic}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(
      () => api.post(`${base}/agreements`, { topic, text: value, ownerUserId: owner || null, reviewOn: reviewOn || null }),
      t('trajecten.agreementSaved', { topic: label }),
    );
  };

  return (
    <section className="section trajectory-agreement" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {label}
        {existing ? <span className="tag">{t('trajecten.agreed')}</span> : <span className="tag tag-open">{t('trajecten.open')}</span>}
        {existing?.reviewDue && <span className="tag tag-open">{t('trajecten.reviewDue')}</span>}
      </h3>
      {detail.me.canWrite ? (
        <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
          <SaveFeedback {...save} />
          <TextAreaField
            label={t('trajecten.agreementText', { topic: label })}
            hint={spec ? text(spec.prompt, i18n.resolvedLanguage) : undefined}
            rows={4}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={save.issue('text')}
          />
          <OwnerFields members={detail.members} owner={owner} reviewOn={reviewOn} onOwner={setOwner} onReviewOn={setReviewOn} issueFor={save.issue} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.saveAgreement', { topic: label })}
            </button>
          </div>
        </form>
      ) : (
        <p>{existing?.text ?? t('trajecten.notYet')}</p>
      )}
      {existing && detail.me.canWrite && <ReviewForm detail={detail} base={base} agreement={existing} label={label} />}
    </section>
  );
}
