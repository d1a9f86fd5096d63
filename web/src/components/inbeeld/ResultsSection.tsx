import { Link } from 'react-router';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import type { SharedResult } from './types.ts';

/** For members: the results of the organisation's and their teams' rounds that are shared with them. */
export function ResultsSection({ org, results }: { org: Organisation; results: SharedResult[] }) {
  const { t } = useT();
  const lang = currentLanguage();
  return (
    <section className="section" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('inBeeld.results.heading')}</h2>
      <p>{t('inBeeld.results.intro')}</p>
      {results.length === 0 ? (
        <p>{t('inBeeld.results.empty')}</p>
      ) : (
        <ul className="cards">
          {results.map((result) => (
            <li key={result.id} className="card">
              <h3>
                <Link className="card-link" to={`/o/${org.id}/in-beeld/rounds/${result.id}/dashboard`}>
                  {result.name}
                </Link>
              </h3>
              <p>{result.instrumentTitle}</p>
              <p className="meta">
                {result.organisationWide ? t('inBeeld.results.forOrganisation') : t('inBeeld.results.forTeams', { teams: result.teams.join(', ') })}
                {' · '}
                {result.closed
                  ? t('inBeeld.results.closed', { date: formatDate(result.closesOn, lang) })
                  : t('inBeeld.results.open', { date: formatDate(result.closesOn, lang) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
