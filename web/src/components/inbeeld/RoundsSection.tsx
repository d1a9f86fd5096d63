import { Link } from 'react-router';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import type { Round } from './types.ts';

/** The collection rounds: which questionnaire, until when, open or closed, and how many answered. */
export function RoundsSection({ org, rounds, canStart }: { org: Organisation; rounds: Round[]; canStart: boolean }) {
  const { t } = useT();
  const lang = currentLanguage();
  const sorted = [...rounds].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section className="section" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('inBeeld.rounds.heading')}</h2>
      <p>{t('inBeeld.rounds.intro')}</p>
      {sorted.length === 0 ? (
        <p>{t('inBeeld.rounds.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('inBeeld.rounds.caption', { organisation: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inBeeld.rounds.name')}</th>
              <th scope="col">{t('inBeeld.rounds.instrument')}</th>
              <th scope="col">{t('inBeeld.rounds.closesOn')}</th>
              <th scope="col">{t('inBeeld.rounds.state')}</th>
              <th scope="col">{t('inBeeld.rounds.responses')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((round) => (
              <tr key={round.id}>
                <th scope="row" data-label={t('inBeeld.rounds.name')} className="cell-break">
                  <Link to={`/o/${org.id}/in-beeld/rounds/${round.id}`}>{round.name}</Link>
                  <br />
                  <Link className="dashboard-link" to={`/o/${org.id}/in-beeld/rounds/${round.id}/dashboard`}>
                    {t('dashboard.link')}
                    <span className="visually-hidden"> {t('dashboard.linkFor', { name: round.name })}</span>
                  </Link>
                </th>
                <td data-label={t('inBeeld.rounds.instrument')} className="cell-break">
                  {round.instrumentTitle}
                </td>
                <td data-label={t('inBeeld.rounds.closesOn')}>
                  <time dateTime={round.closesOn}>{formatDate(round.closesOn, lang)}</time>
                </td>
                <td data-label={t('inBeeld.rounds.state')}>{t(round.open ? 'inBeeld.rounds.open' : 'inBeeld.rounds.closed')}</td>
                <td data-label={t('inBeeld.rounds.responses')}>
                  {t('inBeeld.rounds.counts', {
                    complete: round.responses.complete ?? t('common.fewerThan', { k: round.responses.fewerThan ?? '' }),
                    started: round.responses.started ?? t('common.fewerThan', { k: round.responses.fewerThan ?? '' }),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {org.can.manageRounds &&
        (canStart ? (
          <p>
            <Link className="button button-primary" to={`/o/${org.id}/in-beeld/rounds/new`}>
              {t('inBeeld.rounds.new')}
            </Link>
          </p>
        ) : (
          <p className="field-hint">{t('inBeeld.rounds.needPublished')}</p>
        ))}
    </section>
  );
}
