import { useEffect, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useLocation } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ExportPanel } from '../components/exports/ExportPanel.tsx';
import { OpenTextSetting } from '../components/exports/OpenTextSetting.tsx';
import { REFRESH_MS, ResponseCounts } from '../components/inbeeld/ResponseCounts.tsx';
import { ResultSharingSettings } from '../components/inbeeld/ResultSharingSettings.tsx';
import { RoundInvitations } from '../components/inbeeld/RoundInvitations.tsx';
import { RoundLinkCard } from '../components/inbeeld/RoundLinkCard.tsx';
import { RoundSettings } from '../components/inbeeld/RoundSettings.tsx';
import type { RoundDetail } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { formatDate } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.viewRounds);
  return api.get<RoundDetail>(apiPath`/api/orgs/${org.id}/rounds/${params.roundId ?? ''}`, { signal: request.signal });
}

/** Asks for the round again every ten seconds while the page is open and visible. */
function useLiveRound(initial: RoundDetail, path: string): [RoundDetail, (round: RoundDetail) => void] {
  const [round, setRound] = useState(initial);
  useEffect(() => setRound(initial), [initial]);
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      api
        .get<RoundDetail>(path, { signal: controller.signal })
        .then(setRound)
        // A missed refresh is no problem: the next one comes in ten seconds.
        .catch(() => undefined);
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [path]);
  return [round, setRound];
}

/** One round: its state, the links and QR codes to share, the answers so far, and (for researchers) closing it. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const location = useLocation();
  const initial = useLoaderData<typeof loader>();
  const [round, setRound] = useLiveRound(initial, apiPath`/api/orgs/${org.id}/rounds/${initial.id}`);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const date = formatDate(round.closesOn, lang);
  const state = round.open
    ? t('inBeeld.round.stateOpen', { date })
    : round.status === 'closed'
      ? t('inBeeld.round.stateClosed')
      : t('inBeeld.round.statePast', { date });

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/in-beeld`}>{t('inBeeld.backToOverview')}</Link>
      </p>
      <PageTitle text={round.name} />
      <StatusMessage message={created ? t('inBeeld.round.created') : null} />
      <dl className="details-list round-facts">
        <div>
          <dt>{t('inBeeld.rounds.instrument')}</dt>
          <dd>{round.instrumentTitle}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.rounds.state')}</dt>
          <dd>{state}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.round.openText')}</dt>
          <dd>{t(round.openTextExport ? 'inBeeld.round.openTextYes' : 'inBeeld.round.openTextNo')}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('inBeeld.round.responsesHeading')}</h2>
        <ResponseCounts counts={round.responses} />
        <p>
          <Link to={`/o/${org.id}/in-beeld/rounds/${round.id}/dashboard`}>{t('dashboard.open')}</Link>
        </p>
      </section>

      <section className="section" aria-labelledby="report-heading">
        <h2 id="report-heading">{t('inBeeld.round.reportHeading')}</h2>
        <p>{t('inBeeld.round.reportNote')}</p>
        <ul>
          <li>
            <a href={`${apiPath`/api/orgs/${org.id}/rounds/${round.id}/report.html`}?lang=${lang}`} download>
              {t('inBeeld.round.reportHtml')}
            </a>
          </li>
          <li>
            <a href={`${apiPath`/api/orgs/${org.id}/rounds/${round.id}/report.pdf`}?lang=${lang}`} download>
              {t('inBeeld.round.reportPdf')}
            </a>
          </li>
        </ul>
      </section>

      <ExportPanel orgId={org.id} roundId={round.id} raw={org.can.exportResponses} />

      <section className="section" aria-labelledby="links-heading">
        <h2 id="links-heading">{t('inBeeld.round.linksHeading')}</h2>
        <p>{t('inBeeld.round.linksIntro')}</p>
        <ul className="link-cards">
          {round.links.map((link) => (
            <RoundLinkCard key={link.id} link={link} roundName={round.name} organisationName={org.name} />
          ))}
        </ul>
      </section>

      <RoundInvitations org={org} round={round} canInvite={org.can.inviteRounds} />

      {org.can.manageRounds && (
        <section className="section" aria-labelledby="import-heading">
          <h2 id="import-heading">{t('inBeeld.import.sectionHeading')}</h2>
          <p>{t('inBeeld.import.sectionText')}</p>
          <p>
            <Link to={`/o/${org.id}/in-beeld/rounds/${round.id}/import`}>{t('inBeeld.import.sectionLink')}</Link>
          </p>
        </section>
      )}

      {org.can.manageRounds && <OpenTextSetting orgId={org.id} round={round} onChanged={(updated) => setRound({ ...round, ...updated })} />}

      {org.can.manageRounds && <ResultSharingSettings org={org} round={round} onChanged={(updated) => setRound({ ...round, ...updated })} />}

      {org.can.manageRounds && <RoundSettings org={org} round={round} onChanged={(updated) => setRound({ ...round, ...updated })} />}
    </>
  );
}
