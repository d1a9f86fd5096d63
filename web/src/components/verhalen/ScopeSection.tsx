import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { AnonymityReview } from './AnonymityReview.tsx';
import { translateIssues } from './issues.ts';
import { MediaOpportunities } from './MediaOpportunities.tsx';
import { ScopeChoiceList } from './ScopeChoiceList.tsx';
import { checkedText } from './StoryForm.tsx';
import { type ConsentScope, consentScopes, type Finding, mediaChecklistKeys, type Story, widerThanTeam } from './types.ts';

const fields = ['scope', 'polarisation', 'later_life', 'individualising', 'peer_contact', 'photoPeople'] as const;

/**
 * The author decides who may read the story: narrow or widen it, go public after the media
 * checklist, or withdraw it. Every change is immediate everywhere (lists, exports, the exhibition).
 */
export function ScopeSection({ orgId, story, onChanged }: { orgId: string; story: Story; onChanged: (story: Story, message: string) => void }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [scope, setScope] = useState<ConsentScope>(story.withdrawn ? 'private' : story.scope);
  const [checklist, setChecklist] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<{ text: string; findings: Finding[] } | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const available = consentScopes.filter((s) => s !== 'team' || story.teamId !== null);

  const send = async (skipReview: boolean) => {
    if (busy) return;
    if (scope === 'public') {
      const errors = Object.fromEntries(mediaChecklistKeys.map((key) => [key, checklist[key] ? undefined : t('verhalen.checklist.required')]));
      if (!check(errors)) return;
    }
    const widening = widerThanTeam(scope) && consentScopes.indexOf(scope) > consentScopes.indexOf(story.withdrawn ? 'private' : story.scope);
    setBusy(true);
    try {
      if (!skipReview && widening) {
        const text = checkedText(story.title, story.caption ?? '', story.text ?? '');
        const { findings } = await api.post<{ findings: Finding[] }>(apiPath`/api/orgs/${orgId}/stories/anonymity-check`, { text });
        if (findings.length > 0) {
          setReview({ text, findings });
          return;
        }
      }
      setReview(null);
      const body = {
        scope,
        ...(scope === 'public'
          ? {
              mediaChecklist: {
                polarisation: true,
                later_life: true,
                individualising: true,
                peer_contact: true,
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            }
          : {}),
      };
      const saved = await api.put<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}/scope`, body);
      onChanged(saved, t('verhalen.scope.saved', { scope: t(`verhalen.scopes.${saved.scope}.short`) }));
    } catch (caught) {
      fail(translateIssues(caught));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    setWithdrawError(null);
    try {
      const saved = await api.post<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}/withdraw`);
      setWithdrawing(false);
      setScope('private');
      onChanged(saved, t('verhalen.scope.withdrawn'));
    } catch (caught) {
      setWithdrawError(caught instanceof Error ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <section className="section" aria-labelledby="scope-heading">
      <h2 id="scope-heading" ref={heading} tabIndex={-1}>
        {t('verhalen.scope.heading')}
      </h2>
      <p>{story.withdrawn ? t('verhalen.scope.currentWithdrawn') : t('verhalen.scope.current', { scope: t(`verhalen.scopes.${story.scope}.label`) })}</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
        {fieldErrors.photoPeople && <p className="field-error">{t('verhalen.photo.peopleRequired')}</p>}
        <fieldset className="field">
          <legend>{t('verhalen.form.scope')}</legend>
          <ScopeChoiceList name="story-scope" scopes={available} value={scope} onChange={setScope} />
        </fieldset>
        {scope === 'public' && (
          <fieldset className="field media-checklist">
            <legend>{t('verhalen.checklist.legend')}</legend>
            <p className="field-hint">{t('verhalen.checklist.intro')}</p>
            <MediaOpportunities />
            {mediaChecklistKeys.map((key) => (
              <div key={key} className={fieldErrors[key] ? 'field-invalid' : undefined}>
                {fieldErrors[key] && (
                  <p className="field-error" id={`check-${key}-error`}>
                    {fieldErrors[key]}
                  </p>
                )}
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={checklist[key] ?? false}
                    onChange={(e) => setChecklist({ ...checklist, [key]: e.currentTarget.checked })}
                    aria-invalid={fieldErrors[key] ? true : undefined}
                    aria-describedby={fieldErrors[key] ? `check-${key}-error` : undefined}
                  />
                  <span>{t(`verhalen.checklist.items.${key}`)}</span>
                </label>
              </div>
            ))}
            <TextAreaField label={t('verhalen.checklist.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('verhalen.scope.save')}
          </button>
          {!story.withdrawn && (
            <button type="button" className="button button-danger-outline" onClick={() => setWithdrawing(true)}>
              {t('verhalen.scope.withdraw')}
            </button>
          )}
        </div>
      </form>
      {review && (
        <AnonymityReview
          text={review.text}
          findings={review.findings}
          busy={busy}
          onEdit={() => {
            setReview(null);
            document.getElementById('edit-heading')?.focus();
          }}
          onShareAnyway={() => void send(true)}
        />
      )}
      <ConfirmDialog
        open={withdrawing}
        title={t('verhalen.scope.withdrawTitle')}
        confirmLabel={t('verhalen.scope.withdrawConfirm')}
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
        busy={busy}
        error={withdrawError}
        focusAfterConfirm={heading}
      >
        <p>{t('verhalen.scope.withdrawText')}</p>
      </ConfirmDialog>
    </section>
  );
}
