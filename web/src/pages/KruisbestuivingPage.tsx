import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { KruisbestuivingLinks } from '../components/signalen/KruisbestuivingLinks.tsx';
import { TextField } from '../components/TextField.tsx';
import { loadTagFrameworks } from '../components/verhalen/frameworks.ts';
import { NewProjectForm } from '../components/verhalen/NewProjectForm.tsx';
import { StoryCard } from '../components/verhalen/StoryCard.tsx';
import type { ProjectSummary, StoryList } from '../components/verhalen/types.ts';
import { useNavigationMessage } from '../hooks/useNavigationMessage.ts';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import '../components/verhalen/verhalen.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const url = new URL(request.url);
  const q = url.searchParams.get('q') ?? '';
  const tag = url.searchParams.get('tag') ?? '';
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(tag ? { tag } : {}) }).toString();
  const options = { signal: request.signal };
  const [list, projects, frameworks] = await Promise.all([
    api.get<StoryList>(`${apiPath`/api/orgs/${org.id}/stories`}${query ? `?${query}` : ''}`, options),
    api.get<{ projects: ProjectSummary[] }>(apiPath`/api/orgs/${org.id}/photovoice`, options),
    loadTagFrameworks(org.id, request.signal),
  ]);
  return { stories: list.stories, projects: projects.projects, frameworks, q, tag };
}

/** Kruisbestuiving: experience stories shared with consent, and photovoice projects that become exhibitions. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const me = useMe();
  const navigate = useNavigate();
  const data = useLoaderData<typeof loader>();
  const [q, setQ] = useState(data.q);
  const [tag, setTag] = useState(data.tag);
  const status = useNavigationMessage();
  const teams = me.teams.filter((team) => team.organisationId === org.id);
  const mine = data.stories.filter((s) => s.isOwn);
  const others = data.stories.filter((s) => !s.isOwn);
  const filtered = Boolean(data.q || data.tag);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(tag ? { tag } : {}) });
    navigate({ pathname: `/o/${org.id}/kruisbestuiving`, search: params.toString() ? `?${params}` : '' });
  };

  return (
    <>
      <PageTitle text={t('verhalen.title')} />
      <p className="lead">{t('verhalen.intro')}</p>
      <StatusMessage message={status} />
      <p>
        <Link className="button button-primary" to={`/o/${org.id}/kruisbestuiving/verhalen/nieuw`}>
          {t('verhalen.shareNew')}
        </Link>
      </p>
      <KruisbestuivingLinks org={org} />

      <section className="section" aria-labelledby="stories-heading">
        <h2 id="stories-heading">{t('verhalen.storiesHeading')}</h2>
        <search>
          <form className="story-search" onSubmit={search}>
            <TextField label={t('verhalen.search.label')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={200} />
            <div className="field">
              <label htmlFor="story-tag">{t('verhalen.search.tag')}</label>
              <select id="story-tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
                <option value="">{t('verhalen.search.anyTag')}</option>
                {data.frameworks.map((framework) => (
                  <optgroup key={framework.key} label={framework.name[lang]}>
                    {framework.codes.map((code) => (
                      <option key={code.key} value={`${framework.key}:${code.key}`}>
                        {code.label[lang]}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="button-row">
              <button type="submit" className="button button-secondary">
                {t('verhalen.search.submit')}
              </button>
              {filtered && (
                <Link className="button button-secondary" to={`/o/${org.id}/kruisbestuiving`}>
                  {t('verhalen.search.clear')}
                </Link>
              )}
            </div>
          </form>
        </search>
        {filtered && <p role="status">{t('verhalen.search.results', { count: data.stories.length })}</p>}
        <h3>{t('verhalen.mine')}</h3>
        {mine.length === 0 ? (
          <p>{t('verhalen.noneMine')}</p>
        ) : (
          <ul className="story-cards">
            {mine.map((story) => (
              <StoryCard key={story.id} orgId={org.id} story={story} headingLevel={3} />
            ))}
          </ul>
        )}
        <h3>{t('verhalen.shared')}</h3>
        {others.length === 0 ? (
          <p>{t('verhalen.noneShared')}</p>
        ) : (
          <ul className="story-cards">
            {others.map((story) => (
              <StoryCard key={story.id} orgId={org.id} story={story} headingLevel={3} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="photovoice-heading">
        <h2 id="photovoice-heading">{t('verhalen.photovoice.heading')}</h2>
        <p>{t('verhalen.photovoice.intro')}</p>
        {data.projects.length === 0 ? (
          <p>{t('verhalen.photovoice.none')}</p>
        ) : (
          <ul className="link-list">
            {data.projects.map((project) => (
              <li key={project.id}>
                <Link to={`/o/${org.id}/kruisbestuiving/photovoice/${project.id}`}>{project.title}</Link> — {project.theme}{' '}
                <span className="scope-badge">{t(`verhalen.photovoice.status.${project.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {org.role !== 'researcher' && (
          <details className="tag-details">
            <summary>{t('verhalen.photovoice.newHeading')}</summary>
            <NewProjectForm orgId={org.id} teams={teams} themes={data.frameworks.find((f) => f.key === 'themes')} />
          </details>
        )}
      </section>
    </>
  );
}
