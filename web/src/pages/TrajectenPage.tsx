import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { text, useSave } from '../components/trajecten/helpers.ts';
import { SaveFeedback } from '../components/trajecten/SaveFeedback.tsx';
import { phases, type TrajectoryDetailView, type TrajectoryList } from '../components/trajecten/types.ts';
import '../components/trajecten/trajecten.css';
import { formatDate } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  return api.get<TrajectoryList>(apiPath`/api/orgs/${org.id}/trajectories`, { signal: request.signal });
}

/** The overview: each trajectory's phase, what is still open, the charter, and the agreements due for review. */
export function Component() {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const org = useOrganisation();
  const data = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [teamId, setTeamId] = useState(data.startableTeams[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const save = useSave();
  const phaseTitle = (key: string) => {
    const phase = phases.find((p) => p.key === key);
    return phase ? `${phase.number}. ${text(phase.title, lang)}` : key;
  };
  const charterState = (c: TrajectoryList['trajectories'][number]['charter']) =>
    c.latestVersion === null
      ? t('trajecten.noCharter')
      : c.outdated
        ? t('trajecten.charterOutdated', { version: c.latestVersion })
        : c.established
          ? t('trajecten.charterEstablished', { version: c.latestVersion })
          : t('trajecten.charterSigning', { version: c.latestVersion, signed: c.signed, needed: c.needed });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    let created: TrajectoryDetailView | undefined;
    const ok = await save.run(async () => {
      created = await api.post<TrajectoryDetailView>(apiPath`/api/orgs/${org.id}/trajectories`, { teamId, title });
    }, t('trajecten.started'));
    if (ok && created) navigate(`/o/${org.id}/trajecten/${created.id}`);
  };

  return (
    <>
      <PageTitle text={t('trajecten.title')} />
      <p className="lead">{t('trajecten.intro')}</p>
      <section className="section" aria-labelledby="principles-heading">
        <h2 id="principles-heading">{t('trajecten.principlesHeading')}</h2>
        <ul className="trajectory-list">
          {(['context', 'shared', 'critical', 'knowledge'] as const).map((key) => (
            <li key={key}>{t(`trajecten.principles.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="overview-heading">
        <h2 id="overview-heading">{t('trajecten.overviewHeading')}</h2>
        {data.trajectories.length === 0 ? (
          <p>{t('trajecten.none')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('trajecten.overviewCaption', { organisation: org.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trajecten.trajectory')}</th>
                <th scope="col">{t('trajecten.team')}</th>
                <th scope="col">{t('trajecten.phase')}</th>
                <th scope="col">{t('trajecten.stillOpen')}</th>
                <th scope="col">{t('trajecten.charterTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {data.trajectories.map((tr) => (
                <tr key={tr.id}>
                  <th scope="row">
                    <Link to={`/o/${org.id}/trajecten/${tr.id}`}>{tr.title}</Link>
                  </th>
                  <td data-label={t('trajecten.team')}>{tr.team.name}</td>
                  <td data-label={t('trajecten.phase')}>{phaseTitle(tr.phase)}</td>
                  <td data-label={t('trajecten.stillOpen')}>
                    {t('trajecten.openCount', { count: tr.openPoints })}
                    {tr.reviewsDue > 0 && <span className="tag tag-open">{t('trajecten.reviewsDueCount', { count: tr.reviewsDue })}</span>}
                  </td>
                  <td data-label={t('trajecten.charterTitle')}>{charterState(tr.charter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t('trajecten.reviewsHeading')}</h2>
        {data.reviewsDue.length === 0 ? (
          <p>{t('trajecten.noReviewsDue')}</p>
        ) : (
          <ul className="trajectory-list">
            {data.reviewsDue.map((r) => (
              <li key={r.agreementId}>
                <Link to={`/o/${org.id}/trajecten/${r.trajectoryId}`}>{r.trajectoryTitle}</Link>: {r.label} —{' '}
                {t('trajecten.reviewDueLine', { date: formatDate(r.reviewOn, currentLanguage()), name: r.owner?.displayName ?? t('trajecten.noOwner') })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.startableTeams.length > 0 && (
        <section className="section" aria-labelledby="start-heading">
          <h2 id="start-heading">{t('trajecten.startHeading')}</h2>
          <p>{t('trajecten.startIntro')}</p>
          <form className="form" noValidate onSubmit={start} aria-busy={save.busy || undefined}>
            <SaveFeedback {...save} />
            <SelectField label={t('trajecten.team')} value={teamId} onChange={(e) => setTeamId(e.target.value)} error={save.issue('teamId')}>
              {data.startableTeams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('trajecten.trajectoryTitle')}
              hint={t('trajecten.trajectoryTitleHint')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={save.issue('title')}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('trajecten.start')}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
