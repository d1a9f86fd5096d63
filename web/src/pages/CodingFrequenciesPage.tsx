import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { DisclosedValue } from '../components/signalen/DisclosedValue.tsx';
import { ScrollTable } from '../components/signalen/ScrollTable.tsx';
import type { Frequencies } from '../components/signalen/types.ts';
import '../components/signalen/signalen.css';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Members too: a co-researcher sees the counts (suppressed); the server refuses other members.
  const org = await requireOrganisation(request, params.orgId);
  return { frequencies: await api.get<Frequencies>(apiPath`/api/orgs/${org.id}/coding/frequencies`, { signal: request.signal }) };
}

function FrequencyTable({ table, caption, columnLabel }: { table: Frequencies['byPosition']; caption: string; columnLabel: (key: string) => string }) {
  const { t } = useT();
  if (table.rows.length === 0) return <p>{t('signalen.coding.noCodes')}</p>;
  return (
    <ScrollTable label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signalen.coding.code')}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {columnLabel(c)}
              </th>
            ))}
            <th scope="col">{t('signalen.report.total')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.codeId}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, j) => (
                <td key={table.columns[j]}>
                  <DisclosedValue value={cell} />
                </td>
              ))}
              <td>
                <DisclosedValue value={row.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** How often each code was used, by team position and sector; small groups are protected for those without raw rights. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { frequencies } = useLoaderData<typeof loader>();
  const lang = currentLanguage();
  const back = org.role === 'coordinator' ? `/o/${org.id}/kruisbestuiving` : `/o/${org.id}/kruisbestuiving/codering`;
  return (
    <>
      <p className="back-link">
        <Link to={back}>{t('signalen.coding.back')}</Link>
      </p>
      <PageTitle text={t('signalen.coding.frequencies')} />
      <p className="lead">{t('signalen.coding.frequenciesIntro')}</p>
      <div className="notice">
        <p>{frequencies.disclosure.suppressed ? t('signalen.report.suppressed', { k: frequencies.disclosure.threshold }) : t('signalen.report.raw')}</p>
        {frequencies.disclosure.explanation.map((e) => (
          <p key={e.nl}>{e[lang]}</p>
        ))}
      </div>
      <section className="section" aria-labelledby="by-position-heading">
        <h2 id="by-position-heading">{t('signalen.coding.byPosition')}</h2>
        <FrequencyTable
          table={frequencies.byPosition}
          caption={t('signalen.coding.byPosition')}
          columnLabel={(c) => t(`signalen.position.${c}` as 'signalen.position.unknown')}
        />
      </section>
      <section className="section" aria-labelledby="by-sector-heading">
        <h2 id="by-sector-heading">{t('signalen.coding.bySector')}</h2>
        <FrequencyTable
          table={frequencies.bySector}
          caption={t('signalen.coding.bySector')}
          columnLabel={(c) => t(`signalen.sector.${c}` as 'signalen.sector.ggz')}
        />
      </section>
      <section className="section" aria-labelledby="by-coder-heading">
        <h2 id="by-coder-heading">{t('signalen.coding.byCoder')}</h2>
        <p>{t('signalen.coding.byCoderIntro')}</p>
        <FrequencyTable
          table={frequencies.byCoder}
          caption={t('signalen.coding.byCoder')}
          columnLabel={(c) =>
            c === 'researcher'
              ? t('signalen.coding.coder.researcher')
              : t('signalen.coding.coder.coresearcher', { position: t(`signalen.position.${c}` as 'signalen.position.unknown') })
          }
        />
      </section>
    </>
  );
}
