import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { translateIssues } from './issues.ts';
import { type Story, storyPath } from './types.ts';

/** Stories this one connects to (the first mark of experiential knowledge); only readable ones are shown. */
export function LinksSection({
  orgId,
  story,
  readable,
  onChanged,
}: {
  orgId: string;
  story: Story;
  readable: Story[];
  onChanged: (story: Story, message: string) => void;
}) {
  const { t } = useT();
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const byId = new Map(readable.map((s) => [s.id, s]));
  const linked = story.linkedStoryIds.map((id) => byId.get(id)).filter((s): s is Story => s !== undefined);
  const candidates = readable.filter((s) => s.id !== story.id && !story.linkedStoryIds.includes(s.id) && (story.isOwn || s.isOwn));
  const mayLink = story.isOwn || readable.some((s) => s.isOwn);

  const run = async (action: () => Promise<Story>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action(), message);
      setOther('');
    } catch (caught) {
      const translated = translateIssues(caught);
      setError(translated instanceof Error ? translated.message : t('common.unknownError'));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!other) return;
    void run(() => api.put<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}/links/${other}`, {}), t('verhalen.links.added'));
  };

  return (
    <section className="section" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('verhalen.links.heading')}</h2>
      <ErrorAlert key={attempt} message={error} />
      {linked.length === 0 ? (
        <p>{t('verhalen.links.none')}</p>
      ) : (
        <ul className="link-list">
          {linked.map((s) => (
            <li key={s.id}>
              <Link to={storyPath(orgId, s.id)}>{s.title}</Link>{' '}
              {(story.isOwn || s.isOwn) && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={busy}
                  onClick={() => void run(() => api.delete<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}/links/${s.id}`), t('verhalen.links.removed'))}
                >
                  {t('verhalen.links.remove', { title: s.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayLink && candidates.length > 0 && (
        <form className="form" onSubmit={submit}>
          <SelectField label={t('verhalen.links.choose')} value={other} onChange={(e) => setOther(e.currentTarget.value)}>
            <option value="">{t('verhalen.links.pick')}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={busy || !other}>
              {t('verhalen.links.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
