import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { type AnswerForCoding, byRoundAndQuestion } from '../components/signalen/answers.ts';
import '../components/signalen/signalen.css';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Researchers and admins only: the round's consent names them as the readers of open answers.
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.workCoding);
  const { answers } = await api.get<{ answers: AnswerForCoding[] }>(apiPath`/api/orgs/${org.id}/coding/answers`, { signal: request.signal });
  return { groups: byRoundAndQuestion(answers) };
}

/** The open answers of surveys that researchers may code, grouped by round and question. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { groups } = useLoaderData<typeof loader>();
  const base = `/o/${org.id}/kruisbestuiving/codering`;
  const rounds = [...new Map(groups.map((g) => [g.roundId, g.roundName])).entries()];
  return (
    <>
      <p className="back-link">
        <Link to={base}>{t('signalen.coding.back')}</Link>
      </p>
      <PageTitle text={t('signalen.coding.answers.title')} />
      <p className="lead">{t('signalen.coding.answers.intro')}</p>
      {rounds.length === 0 && <p>{t('signalen.coding.answers.none')}</p>}
      {rounds.map(([roundId, roundName]) => (
        <section key={roundId} className="section" aria-labelledby={`round-${roundId}`}>
          <h2 id={`round-${roundId}`}>{t('signalen.coding.answers.round', { name: roundName })}</h2>
          <ul className="link-list">
            {groups
              .filter((g) => g.roundId === roundId)
              .map((g) => (
                <li key={g.question}>
                  <Link to={`${base}/antwoorden/${roundId}/${encodeURIComponent(g.question)}`}>
                    {t('signalen.coding.answers.question', { question: g.question })}
                  </Link>{' '}
                  <span className="signal-meta">
                    {t('signalen.coding.answers.count', { count: g.answers.length })},{' '}
                    {t('signalen.coding.segmentCount', { count: g.answers.reduce((n, a) => n + a.segments.length, 0) })}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
