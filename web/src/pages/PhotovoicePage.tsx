import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { EntryCard } from '../components/verhalen/EntryCard.tsx';
import { translateIssues } from '../components/verhalen/issues.ts';
import type { Project, StoryList } from '../components/verhalen/types.ts';
import { useNavigationMessage } from '../hooks/useNavigationMessage.ts';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { useT } from '../i18n.ts';
import '../components/verhalen/verhalen.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const [project, photos] = await Promise.all([
    api.get<Project>(apiPath`/api/orgs/${org.id}/photovoice/${params.projectId ?? ''}`, options),
    api.get<StoryList>(apiPath`/api/orgs/${org.id}/stories?withPhoto=true`, options),
  ]);
  return { project, myPhotos: photos.stories.filter((s) => s.isOwn && !s.withdrawn && s.scope !== 'private') };
}

/** A photovoice project: members add photos, the group selects and captions them, the selection becomes an exhibition. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const revalidate = useRevalidate();
  const data = useLoaderData<typeof loader>();
  const project = data.project;
  const navigationMessage = useNavigationMessage();
  const [status, setStatus] = useState<string | null>(navigationMessage);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [storyId, setStoryId] = useState('');
  const [intro, setIntro] = useState(project.exhibitionIntro ?? '');
  const [busy, setBusy] = useState(false);
  const inProject = new Set(project.entries.map((e) => e.story.id));
  const addable = data.myPhotos.filter((s) => !inProject.has(s.id));
  const selected = project.entries.filter((e) => e.selected);
  const selectedPublic = selected.filter((e) => e.publicReady).length;
  const base = apiPath`/api/orgs/${org.id}/photovoice/${project.id}`;

  const done = async (_project: Project, message: string) => {
    await revalidate();
    setError(null);
    setStatus(message);
  };
  const failed = (message: string) => {
    setError(message);
    setAttempt((n) => n + 1);
  };
  const run = async (action: () => Promise<Project>, message: string) => {
    setBusy(true);
    try {
      await done(await action(), message);
    } catch (caught) {
      const translated = translateIssues(caught);
      failed(translated instanceof Error ? translated.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!storyId) return;
    void run(() => api.post<Project>(`${base}/entries`, { storyId }), t('verhalen.photovoice.added'));
    setStoryId('');
  };

  const saveIntro = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.patch<Project>(base, { exhibitionIntro: intro.trim() || null }), t('verhalen.photovoice.introSaved'));
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving`}>{t('verhalen.back')}</Link>
      </p>
      <PageTitle text={project.title} />
      <p className="lead">
        <strong>{t('verhalen.photovoice.theme')}:</strong> {project.theme}
      </p>
      {project.description && <p>{project.description}</p>}
      <p className="meta">
        {t('verhalen.photovoice.facilitatedBy', { name: project.facilitator?.displayName ?? '—' })} ·{' '}
        <span className="scope-badge">{t(`verhalen.photovoice.status.${project.status}`)}</span>
      </p>
      <StatusMessage message={status} />
      <ErrorAlert key={attempt} message={error} />
      {project.exhibitionPath && (
        <p className="notice">
          {t('verhalen.photovoice.exhibitionOnline')} <a href={project.exhibitionPath}>{t('verhalen.photovoice.openExhibition')}</a>
        </p>
      )}

      <section className="section" aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('verhalen.photovoice.entriesHeading')}</h2>
        {project.entries.length === 0 ? (
          <p>{t('verhalen.photovoice.noEntries')}</p>
        ) : (
          <ul className="story-cards">
            {project.entries.map((entry) => (
              <EntryCard
                key={`${entry.story.id}-${entry.selected}-${entry.groupCaption}`}
                orgId={org.id}
                project={project}
                entry={entry}
                onChanged={(p, m) => void done(p, m)}
                onError={failed}
              />
            ))}
          </ul>
        )}
        {project.hiddenSelectedCount > 0 && <p className="meta">{t('verhalen.photovoice.hidden', { count: project.hiddenSelectedCount })}</p>}
        {addable.length > 0 ? (
          <form className="inline-form" onSubmit={add}>
            <SelectField label={t('verhalen.photovoice.addLabel')} value={storyId} onChange={(e) => setStoryId(e.currentTarget.value)}>
              <option value="">{t('verhalen.links.pick')}</option>
              {addable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button-secondary" disabled={busy || !storyId}>
              {t('verhalen.photovoice.add')}
            </button>
          </form>
        ) : (
          <p>
            {t('verhalen.photovoice.addHint')} <Link to={`/o/${org.id}/kruisbestuiving/verhalen/nieuw`}>{t('verhalen.shareNew')}</Link>
          </p>
        )}
      </section>

      {project.isFacilitator && (
        <section className="section" aria-labelledby="exhibition-heading">
          <h2 id="exhibition-heading">{t('verhalen.photovoice.exhibitionHeading')}</h2>
          <p>{t('verhalen.photovoice.selectionCount', { selected: selected.length, public: selectedPublic })}</p>
          <form className="form" onSubmit={saveIntro}>
            <TextAreaField
              label={t('verhalen.photovoice.exhibitionIntro')}
              value={intro}
              onChange={(e) => setIntro(e.currentTarget.value)}
              rows={4}
              maxLength={4000}
            />
            <div className="button-row">
              <button type="submit" className="button button-secondary" disabled={busy}>
                {t('verhalen.photovoice.saveIntro')}
              </button>
            </div>
          </form>
          <div className="button-row">
            {project.status === 'exhibited' ? (
              <button
                type="button"
                className="button button-danger-outline"
                disabled={busy}
                onClick={() => void run(() => api.post<Project>(`${base}/unpublish`), t('verhalen.photovoice.unpublished'))}
              >
                {t('verhalen.photovoice.unpublish')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void run(() => api.post<Project>(`${base}/publish`), t('verhalen.photovoice.published'))}
              >
                {t('verhalen.photovoice.publish')}
              </button>
            )}
          </div>
        </section>
      )}
    </>
  );
}
