import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import type { MeetingSummary, MeetingView } from '../components/meetings/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import '../components/meetings/meetings.css';

type LibraryEntry = { key: string; group: { nl: string; en: string }; prompt: { kind: string; text: { nl: string; en: string } } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const [list, library] = await Promise.all([
    api.get<{ meetings: MeetingSummary[] }>(apiPath`/api/orgs/${org.id}/meetings`, options),
    api.get<{ entries: LibraryEntry[] }>(apiPath`/api/orgs/${org.id}/meetings/library`, options),
  ]);
  return { meetings: list.meetings, library: library.entries };
}

/** Live meetings (ontmoetingen): the ones this person runs, and a new one from the template or the library. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const me = useMe();
  const navigate = useNavigate();
  const data = useLoaderData<typeof loader>();
  const teams = me.teams.filter((team) => team.organisationId === org.id);
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<'template' | 'library'>('template');
  const [chosen, setChosen] = useState<string[]>([]);
  const [teamId, setTeamId] = useState(org.role === 'member' ? (teams[0]?.id ?? '') : '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        title: title.trim(),
        language: lang,
        teamId: teamId || null,
        ...(source === 'template' ? { template: 'de_ontmoeting' } : { library: chosen }),
      };
      const meeting = await api.post<MeetingView>(apiPath`/api/orgs/${org.id}/meetings`, body);
      navigate(`/o/${org.id}/ontmoetingen/${meeting.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle text={t('meetings.title')} />
      <p className="lead">{t('meetings.intro')}</p>
      <section aria-labelledby="meetings-mine">
        <h2 id="meetings-mine">{t('meetings.mine')}</h2>
        {data.meetings.length === 0 ? (
          <p>{t('meetings.none')}</p>
        ) : (
          <ul className="meeting-list">
            {data.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/o/${org.id}/ontmoetingen/${m.id}`}>{m.title}</Link> · {t(`meetings.status.${m.status}`)} · {t('meetings.code')}{' '}
                <span className="meeting-code-inline">{m.joinCode}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="meetings-new">
        <h2 id="meetings-new">{t('meetings.new')}</h2>
        <ErrorAlert message={error?.message ?? null} requestId={error?.requestId} />
        <form onSubmit={create} className="meeting-form">
          <p>
            <label htmlFor="meeting-title">{t('meetings.titleLabel')}</label>
            <input id="meeting-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          </p>
          {(teams.length > 0 || org.role === 'member') && (
            <p>
              <label htmlFor="meeting-team">{t('meetings.team')}</label>
              <select id="meeting-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                {org.role !== 'member' && <option value="">{t('meetings.noTeam')}</option>}
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          <fieldset>
            <legend>{t('meetings.source')}</legend>
            <label className="choice-row">
              <input type="radio" name="source" checked={source === 'template'} onChange={() => setSource('template')} /> {t('meetings.template')}
            </label>
            <label className="choice-row">
              <input type="radio" name="source" checked={source === 'library'} onChange={() => setSource('library')} /> {t('meetings.library')}
            </label>
          </fieldset>
          {source === 'library' && (
            <fieldset>
              <legend>{t('meetings.libraryPick')}</legend>
              {data.library.map((entry) => (
                <label className="choice-row" key={entry.key}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(entry.key)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, entry.key] : chosen.filter((k) => k !== entry.key))}
                  />{' '}
                  <span>
                    {entry.prompt.text[lang]} <span className="meeting-kind">({entry.group[lang]})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('meetings.create')}
          </button>
        </form>
      </section>
    </>
  );
}
