import { Form, Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { loadLabels } from '../components/signalen/labels.ts';
import { SignalListItem } from '../components/signalen/SignalListItem.tsx';
import { StatusCountsSection } from '../components/signalen/StatusCountsSection.tsx';
import type { SignalStatus, SignalSummary } from '../components/signalen/types.ts';
import { TextField } from '../components/TextField.tsx';
import '../components/signalen/signalen.css';
import { useT } from '../i18n.ts';

type Overview = { days: number; waiting: SignalSummary[]; counts: { status: SignalStatus; count: number }[] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const days = new URL(request.url).searchParams.get('days');
  const query = days && /^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= 365 ? `?days=${Number(days)}` : '';
  const [overview, labels] = await Promise.all([
    api.get<Overview>(`${apiPath`/api/orgs/${org.id}/signals/overview`}${query}`, { signal: request.signal }),
    loadLabels(org.id, request.signal),
  ]);
  return { overview, labels };
}

/** For those who handle signals: where every signal is, and which ones wait too long for an answer. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { overview, labels } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/signalen`}>{t('signalen.back')}</Link>
      </p>
      <PageTitle text={t('signalen.overview.title')} />
      <p className="lead">{t('signalen.overview.intro')}</p>
      <Form method="get" className="date-form">
        <TextField label={t('signalen.overview.days')} name="days" inputMode="numeric" defaultValue={String(overview.days)} maxLength={3} />
        <button type="submit" className="button button-secondary">
          {t('signalen.overview.apply')}
        </button>
      </Form>
      <section className="section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('signalen.overview.waiting', { count: overview.waiting.length, days: overview.days })}</h2>
        {overview.waiting.length === 0 ? (
          <p>{t('signalen.overview.noneWaiting', { days: overview.days })}</p>
        ) : (
          <ul className="signal-list">
            {overview.waiting.map((s) => (
              <SignalListItem key={s.id} orgId={org.id} signal={s} labels={labels} />
            ))}
          </ul>
        )}
      </section>
      <StatusCountsSection headingId="counts-heading" title={t('signalen.overview.counts')} rows={overview.counts} />
    </>
  );
}
