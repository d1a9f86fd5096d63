import { Link } from 'react-router';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { pick } from './editor/context.tsx';
import { NewInstrumentForm } from './NewInstrumentForm.tsx';
import type { InstrumentListItem } from './types.ts';

/** The organisation's own questionnaires with where each stands: a draft, a published version, or both. */
export function InstrumentsSection({ org, instruments }: { org: Organisation; instruments: InstrumentListItem[] }) {
  const { t } = useT();
  const lang = currentLanguage();
  const own = instruments.filter((i) => !i.builtin && i.id !== null);
  const status = (item: InstrumentListItem) =>
    [
      item.published ? t('inBeeld.instruments.published', { version: item.published.version }) : null,
      item.draft ? t('inBeeld.instruments.draft', { version: item.draft.version }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className="section" aria-labelledby="instruments-heading">
      <h2 id="instruments-heading">{t('inBeeld.instruments.heading')}</h2>
      <p>{t('inBeeld.instruments.intro')}</p>
      {own.length === 0 ? (
        <p>{t('inBeeld.instruments.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('inBeeld.instruments.caption', { organisation: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inBeeld.instruments.title')}</th>
              <th scope="col">{t('inBeeld.instruments.status')}</th>
            </tr>
          </thead>
          <tbody>
            {own.map((item) => (
              <tr key={item.id}>
                <th scope="row" data-label={t('inBeeld.instruments.title')} className="cell-break">
                  <Link to={`/o/${org.id}/in-beeld/instruments/${item.id}`}>{pick(item.title, lang) || item.key}</Link>
                  <span className="meta instrument-key"> ({item.key})</span>
                </th>
                <td data-label={t('inBeeld.instruments.status')}>{status(item)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {org.can.manageInstruments && <NewInstrumentForm org={org} instruments={instruments} />}
    </section>
  );
}
