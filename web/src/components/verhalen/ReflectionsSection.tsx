import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import type { positions } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { translateIssues } from './issues.ts';
import { type Reflection, type ShowedKey, type Story, showedKeys } from './types.ts';

type Column = (typeof positions)[number] | 'none';
/** Experience workers first: the story's own perspective, then the others. */
const columns: Column[] = ['experience_worker', 'practitioner', 'coordinator', 'policy_officer', 'none'];

/**
 * Reflections side by side per position, so the team sees where readings meet and where they
 * differ; the SHOWeD questions guide a reflection on a photo.
 */
export function ReflectionsSection({
  orgId,
  story,
  reflections,
  onChange,
}: {
  orgId: string;
  story: Story;
  reflections: Reflection[];
  onChange: () => Promise<void>;
}) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail, reset } = useFormErrors(formRef, ['text'] as const);
  const [text, setText] = useState('');
  const [showed, setShowed] = useState<Partial<Record<ShowedKey, string>>>({});
  const [researchConsent, setResearchConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const byColumn = (column: Column) => reflections.filter((r) => (r.position ?? 'none') === column);
  const shown = columns.filter((c) => c !== 'none' || byColumn('none').length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !check({ text: text.trim() ? undefined : t('verhalen.issues.required') })) return;
    setBusy(true);
    try {
      const answers = Object.fromEntries(Object.entries(showed).filter(([, v]) => v?.trim()));
      await api.post(apiPath`/api/orgs/${orgId}/stories/${story.id}/reflections`, {
        text: text.trim(),
        researchConsent,
        ...(Object.keys(answers).length ? { showed: answers } : {}),
      });
      setText('');
      setShowed({});
      setResearchConsent(false);
      reset();
      await onChange();
      setStatus(t('verhalen.reflections.saved'));
    } catch (caught) {
      fail(translateIssues(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (reflection: Reflection) => {
    setBusy(true);
    try {
      await api.delete(apiPath`/api/orgs/${orgId}/stories/${story.id}/reflections/${reflection.id}`);
      await onChange();
      setStatus(t('verhalen.reflections.removed'));
    } catch (caught) {
      setStatus(caught instanceof Error ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">{t('verhalen.reflections.heading')}</h2>
      <p>{t('verhalen.reflections.intro')}</p>
      <StatusMessage message={status} />
      <div className="reflection-columns">
        {shown.map((column) => (
          <section key={column} className="reflection-column" aria-labelledby={`col-${column}`}>
            <h3 id={`col-${column}`}>{column === 'none' ? t('verhalen.reflections.noPosition') : t(`verhalen.reflections.columns.${column}`)}</h3>
            {byColumn(column).length === 0 ? (
              <p className="meta">{t('verhalen.reflections.emptyColumn')}</p>
            ) : (
              <ul className="reflection-list">
                {byColumn(column).map((r) => (
                  <li key={r.id} className="reflection">
                    <p className="reflection-text">{r.text}</p>
                    {showedKeys.some((k) => r.showed[k]) && (
                      <dl className="showed-answers">
                        {showedKeys
                          .filter((k) => r.showed[k])
                          .map((k) => (
                            <div key={k}>
                              <dt>{t(`verhalen.showed.${k}`)}</dt>
                              <dd>{r.showed[k]}</dd>
                            </div>
                          ))}
                      </dl>
                    )}
                    <p className="meta">
                      {r.isOwn ? t('verhalen.byYou') : (r.author?.displayName ?? t('verhalen.anonymous'))} · <time dateTime={r.createdOn}>{r.createdOn}</time>
                    </p>
                    {r.isOwn && (
                      <button type="button" className="button button-small button-danger-outline" onClick={() => void remove(r)} disabled={busy}>
                        {t('verhalen.reflections.remove')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <h3>{t('verhalen.reflections.add')}</h3>
        <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
        {story.photo && (
          <fieldset className="field showed">
            <legend>{t('verhalen.showed.legend')}</legend>
            <p className="field-hint">{t('verhalen.showed.intro')}</p>
            {showedKeys.map((key) => (
              <TextAreaField
                key={key}
                label={t(`verhalen.showed.${key}`)}
                value={showed[key] ?? ''}
                onChange={(e) => setShowed({ ...showed, [key]: e.currentTarget.value })}
                rows={2}
                maxLength={2000}
              />
            ))}
          </fieldset>
        )}
        <TextAreaField
          label={t('verhalen.reflections.text')}
          hint={t('verhalen.reflections.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldErrors.text}
          rows={4}
          maxLength={10000}
        />
        <label className="choice">
          <input type="checkbox" checked={researchConsent} onChange={(e) => setResearchConsent(e.currentTarget.checked)} />
          <span>{t('verhalen.reflections.researchConsent')}</span>
        </label>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('verhalen.reflections.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
