import { useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { codeLabel, frameworkName, loadTagFrameworks } from '../components/verhalen/frameworks.ts';
import { LinksSection } from '../components/verhalen/LinksSection.tsx';
import { PhotoSection } from '../components/verhalen/PhotoSection.tsx';
import { ReflectionsSection } from '../components/verhalen/ReflectionsSection.tsx';
import { ScopeSection } from '../components/verhalen/ScopeSection.tsx';
import { StoryByline } from '../components/verhalen/StoryCard.tsx';
import { StoryForm } from '../components/verhalen/StoryForm.tsx';
import { photoUrl, type Reflection, type Story, type StoryList } from '../components/verhalen/types.ts';
import { useNavigationMessage } from '../hooks/useNavigationMessage.ts';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import '../components/verhalen/verhalen.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const storyId = params.storyId ?? '';
  const [story, reflections, frameworks, list] = await Promise.all([
    api.get<Story>(apiPath`/api/orgs/${org.id}/stories/${storyId}`, options),
    api.get<{ reflections: Reflection[] }>(apiPath`/api/orgs/${org.id}/stories/${storyId}/reflections`, options),
    loadTagFrameworks(org.id, request.signal),
    api.get<StoryList>(apiPath`/api/orgs/${org.id}/stories`, options),
  ]);
  return { story, reflections: reflections.reflections, frameworks, readable: list.stories, limits: list.limits };
}

/** One story: the photo and text, what it is about, who may read it, links, and the team's reflections. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const me = useMe();
  const navigate = useNavigate();
  const revalidate = useRevalidate();
  const data = useLoaderData<typeof loader>();
  const story = data.story;
  const navigationMessage = useNavigationMessage();
  const [status, setStatus] = useState<string | null>(navigationMessage);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const teams = me.teams.filter((team) => team.organisationId === org.id);

  const changed = async (_story: Story, message: string) => {
    await revalidate();
    setStatus(message);
  };

  const remove = async () => {
    setBusy(true);
    setDeleteError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/stories/${story.id}`);
      navigate(`/o/${org.id}/kruisbestuiving`, { state: { message: t('verhalen.deleted', { title: story.title }) } });
    } catch (caught) {
      setDeleteError(caught instanceof Error ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const tagGroups = (['knowledge_positions', 'logics', 'roles', 'themes'] as const).filter((key) => story.tags[key].length > 0);

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving`}>{t('verhalen.back')}</Link>
      </p>
      <PageTitle text={story.title} />
      <div ref={statusRef}>
        <StatusMessage message={status} />
      </div>
      <p className="meta">
        <StoryByline story={story} />
        {story.teamName && ` · ${story.teamName}`} · <time dateTime={story.createdOn}>{story.createdOn}</time> ·{' '}
        <span className="scope-badge">{story.withdrawn ? t('verhalen.withdrawnBadge') : t(`verhalen.scopes.${story.scope}.short`)}</span>
      </p>
      <article className="story">
        {story.photo && (
          <figure className="story-photo">
            <img src={photoUrl(org.id, story.id)} alt={story.photo.alt ?? ''} width={story.photo.width} height={story.photo.height} />
            {story.caption && <figcaption>{story.caption}</figcaption>}
          </figure>
        )}
        {!story.photo && story.caption && <p className="story-caption">{story.caption}</p>}
        {story.text?.split(/\n{2,}/).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
          <p key={index} className="story-text">
            {paragraph}
          </p>
        ))}
        {(tagGroups.length > 0 || story.tags.experiential_knowledge_marks.length > 0) && (
          <dl className="story-tags">
            {tagGroups.map((key) => (
              <div key={key}>
                <dt>{frameworkName(data.frameworks, key, lang)}</dt>
                <dd>{story.tags[key].map((code) => codeLabel(data.frameworks, key, code, lang)).join(', ')}</dd>
              </div>
            ))}
            {story.tags.experiential_knowledge_marks.length > 0 && (
              <div>
                <dt>{t('verhalen.marksLegend')}</dt>
                <dd>
                  {story.tags.experiential_knowledge_marks.map((code) => codeLabel(data.frameworks, 'experiential_knowledge_marks', code, lang)).join(', ')}
                </dd>
              </div>
            )}
          </dl>
        )}
      </article>
      {story.isOwn && <ScopeSection key={`${story.scope}-${story.withdrawn}`} orgId={org.id} story={story} onChanged={changed} />}
      {story.isOwn && <PhotoSection key={story.photo?.bytes ?? 0} orgId={org.id} story={story} maxBytes={data.limits.photoMaxBytes} onChanged={changed} />}
      {story.isOwn && (
        <section className="section" aria-labelledby="edit-heading">
          <h2 id="edit-heading" tabIndex={-1}>
            {t('verhalen.edit.heading')}
          </h2>
          <details className="tag-details">
            <summary>{t('verhalen.edit.open')}</summary>
            <StoryForm
              orgId={org.id}
              teams={teams}
              frameworks={data.frameworks}
              maxBytes={data.limits.photoMaxBytes}
              story={story}
              onSaved={(saved) => void changed(saved, t('verhalen.edit.saved'))}
            />
          </details>
        </section>
      )}
      <LinksSection orgId={org.id} story={story} readable={data.readable} onChanged={changed} />
      <ReflectionsSection orgId={org.id} story={story} reflections={data.reflections} onChange={revalidate} />
      {story.isOwn && (
        <section className="section" aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('verhalen.delete.heading')}</h2>
          <p>{t('verhalen.delete.text')}</p>
          <button type="button" className="button button-danger" onClick={() => setDeleting(true)}>
            {t('verhalen.delete.button')}
          </button>
          <ConfirmDialog
            open={deleting}
            title={t('verhalen.delete.confirmTitle', { title: story.title })}
            confirmLabel={t('verhalen.delete.confirm')}
            onConfirm={() => void remove()}
            onCancel={() => setDeleting(false)}
            busy={busy}
            error={deleteError}
          >
            <p>{t('verhalen.delete.text')}</p>
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}
