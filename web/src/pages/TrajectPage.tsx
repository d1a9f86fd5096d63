import { type LoaderFunctionArgs, useLoaderData, useParams } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EqualPositionSection } from '../components/trajecten/EqualPositionSection.tsx';
import { text, useSave } from '../components/trajecten/helpers.ts';
import { PhaseContent } from '../components/trajecten/PhaseContent.tsx';
import { PhaseNav } from '../components/trajecten/PhaseNav.tsx';
import { RenameForm } from '../components/trajecten/RenameForm.tsx';
import { SaveFeedback } from '../components/trajecten/SaveFeedback.tsx';
import { type Framework, phases, type TrajectoryDetailView } from '../components/trajecten/types.ts';
import '../components/trajecten/trajecten.css';
import { Link } from 'react-router';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const [detail, frameworks] = await Promise.all([
    api.get<TrajectoryDetailView>(apiPath`/api/orgs/${org.id}/trajectories/${params.trajectoryId ?? ''}`, options),
    api.get<{ frameworks: Framework[] }>(apiPath`/api/orgs/${org.id}/frameworks`, options),
  ]);
  return { detail, frameworks: frameworks.frameworks };
}

/** One trajectory: its phases, the equal-position dialogue; the charter and intervision have their own pages. */
export function Component() {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const org = useOrganisation();
  const { detail, frameworks } = useLoaderData<typeof loader>();
  const params = useParams();
  const base = apiPath`/api/orgs/${org.id}/trajectories/${detail.id}`;
  const pagePath = `/o/${org.id}/trajecten/${detail.id}`;
  const equal = params.phase === 'evenwaardige-positie';
  const phase = phases.find((p) => p.key === (params.phase ?? detail.phase));
  const move = useSave();
  const heading = equal ? t('trajecten.equalTitle') : phase ? `${phase.number}. ${text(phase.title, lang)}` : t('trajecten.unknownPhase');
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/trajecten`}>{t('trajecten.back')}</Link>
      </p>
      <PageTitle text={detail.title} />
      <p className="meta">
        {t('trajecten.teamLine', {
          team: detail.team.name,
          members: detail.members.map((m) => `${m.displayName} (${t(`positions.${m.position}`)})`).join(', '),
        })}
      </p>
      {detail.me.canWrite && <RenameForm detail={detail} base={base} />}
      <PhaseNav detail={detail} pagePath={pagePath} />
      <section className="section" aria-labelledby="phase-heading">
        <h2 id="phase-heading">{heading}</h2>
        {phase && !equal && (
          <>
            <SaveFeedback {...move} />
            {detail.phase === phase.key ? (
              <p className="meta">{t('trajecten.isCurrentPhase')}</p>
            ) : (
              detail.me.canWrite && (
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void move.run(() => api.patch(base, { phase: phase.key }), t('trajecten.phaseMoved', { phase: heading }))}
                  >
                    {t('trajecten.moveHere')}
                  </button>
                </div>
              )
            )}
            <PhaseContent detail={detail} base={base} pagePath={pagePath} frameworks={frameworks} phase={phase} />
          </>
        )}
        {equal && <EqualPositionSection detail={detail} base={base} />}
        {!phase && !equal && <p>{t('trajecten.unknownPhaseText')}</p>}
      </section>
    </>
  );
}
