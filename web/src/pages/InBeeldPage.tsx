import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { InstrumentsSection } from '../components/inbeeld/InstrumentsSection.tsx';
import { ResultsSection } from '../components/inbeeld/ResultsSection.tsx';
import { RoundsSection } from '../components/inbeeld/RoundsSection.tsx';
import type { InstrumentListItem, Round, SharedResult } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  if (!org.can.viewInstruments)
    return { results: (await api.get<{ results: SharedResult[] }>(apiPath`/api/orgs/${org.id}/results`, options)).results, instruments: null, rounds: [] };
  const [instruments, rounds] = await Promise.all([
    api.get<{ instruments: InstrumentListItem[] }>(apiPath`/api/orgs/${org.id}/instruments`, options),
    org.can.viewRounds ? api.get<{ rounds: Round[] }>(apiPath`/api/orgs/${org.id}/rounds`, options) : null,
  ]);
  return { results: null, instruments: instruments.instruments, rounds: rounds?.rounds ?? [] };
}

/**
 * In beeld: the organisation's questionnaires and collection rounds. People whose role does not
 * run the survey read what it is, and find the results their rounds share with them.
 */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const loaded = useLoaderData<typeof loader>();

  if (!loaded.instruments) {
    return (
      <>
        <PageTitle text={t('parts.inBeeld.title')} />
        <p className="lead">{t('parts.inBeeld.purpose')}</p>
        <p>{t('inBeeld.forMembers')}</p>
        <ResultsSection org={org} results={loaded.results ?? []} />
        <p>{t('inBeeld.forMembersAnswer')}</p>
      </>
    );
  }

  const instruments = loaded.instruments;
  const published = instruments.some((i) => !i.builtin && i.published);
  return (
    <>
      <PageTitle text={t('parts.inBeeld.title')} />
      <p className="lead">{t('parts.inBeeld.purpose')}</p>
      <p>{t('inBeeld.howItWorks')}</p>
      <InstrumentsSection org={org} instruments={instruments} />
      <RoundsSection org={org} rounds={loaded.rounds} canStart={published} />
    </>
  );
}
