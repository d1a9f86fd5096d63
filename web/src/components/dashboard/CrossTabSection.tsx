import { apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ChoiceSection, ChoiceSelect, questionChoices, useAddressChoice } from './ChoiceSection.tsx';
import { formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { CrossTab, ReportTable } from './types.ts';
import { useApiData } from './useApiData.ts';

const ROW_TYPES = new Set(['single', 'multiple']);
const COL_TYPES = new Set(['single', 'multiple', 'likert']);

function CrossTabTable({ data, lang }: { data: CrossTab; lang: Lang }) {
  const { t } = useT();
  const d = data.decimals;
  const figure = (value: number | null, decimals: number) => (value === null ? <Withheld /> : formatNumber(value, lang, decimals));
  const test = data.test;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, and a keyboard must reach it (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-labelledby="crosstab-caption">
        <table className="table crosstab-table">
          <caption id="crosstab-caption">
            {data.rows.text} × {data.cols.text}
          </caption>
          <thead>
            <tr>
              <td />
              {data.columns.map((column) => (
                <th scope="col" key={column.code}>
                  {column.label}
                </th>
              ))}
              <th scope="col" className="number">
                {t('dashboard.crosstab.rowN')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((line) => (
              <tr key={line.code}>
                <th scope="row" className="cell-break">
                  {line.label}
                </th>
                {line.refused ? (
                  <td colSpan={data.columns.length + 1}>{t('dashboard.crosstab.refused')}</td>
                ) : (
                  <>
                    {line.cells.map((cell) => (
                      <td key={cell.code} className="number">
                        {figure(cell.count, 0)}
                        {cell.count !== null && (
                          <span className="crosstab-percent">
                            <br />
                            {t('dashboard.crosstab.rowPercent', { value: formatNumber(cell.rowPercent, lang, d) })}
                            {cell.colPercent !== null && (
                              <>
                                <br />
                                {t('dashboard.crosstab.colPercent', { value: formatNumber(cell.colPercent, lang, d) })}
                              </>
                            )}
                          </span>
                        )}
                      </td>
                    ))}
                    <td className="number">{figure(line.validN, 0)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dashboard.crosstab.total')}</th>
              {data.colTotals.map((total, j) => (
                <td key={data.columns[j]?.code ?? j} className="number">
                  {figure(total, 0)}
                </td>
              ))}
              <td className="number">{figure(data.total, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <ul className="table-notes">
        {test?.chiSquare && (
          <li>
            {t('dashboard.crosstab.chiSquare', {
              statistic: formatNumber(test.chiSquare.statistic, lang, 2),
              df: test.chiSquare.df,
              p: formatNumber(test.chiSquare.p, lang, 3),
            })}
            {test.recommended === 'chi_square' && ` ${t('dashboard.crosstab.fits')}`}
          </li>
        )}
        {test?.fisher && (
          <li>
            {t('dashboard.crosstab.fisher', { p: formatNumber(test.fisher.p, lang, 3) })}
            {test.recommended === 'fisher_exact' && ` ${t('dashboard.crosstab.fits')}`}
          </li>
        )}
        {test?.chiSquare && <li>{t('dashboard.crosstab.cramersV', { v: formatNumber(test.chiSquare.cramersV, lang, 2) })}</li>}
        {test?.chiSquare?.warning && <li className="warning-text">{test.chiSquare.warning.text}</li>}
        {data.testNote && <li>{data.testNote}</li>}
        {data.lines
          .filter((line) => line.refused && line.message)
          .map((line) => (
            <li key={line.code}>
              {line.label}: {line.message}
            </li>
          ))}
        {data.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  );
}

/** Two questions against each other ("rol × sector"); the choice is kept in the address (?rows=&cols=). */
export function CrossTabSection({ orgId, roundId, tables, lang }: { orgId: string; roundId: string; tables: ReportTable[]; lang: Lang }) {
  const { t } = useT();
  const { pick, choose, chosen, apply } = useAddressChoice(['rows', 'cols'] as const);
  const { rows, cols } = chosen;
  const state = useApiData<CrossTab>(
    rows && cols ? `${apiPath`/api/orgs/${orgId}/rounds/${roundId}/crosstab`}?${new URLSearchParams({ rows, cols, lang })}` : null,
  );
  return (
    <ChoiceSection
      name="crosstab"
      heading={t('dashboard.crosstab.heading')}
      intro={t('dashboard.crosstab.intro')}
      show={t('dashboard.crosstab.show')}
      apply={apply}
      state={state}
      fields={
        <>
          <ChoiceSelect
            label={t('dashboard.crosstab.rows')}
            none={t('dashboard.crosstab.none')}
            value={pick.rows}
            onChange={(value) => choose('rows', value)}
            choices={questionChoices(tables, ROW_TYPES)}
          />
          <ChoiceSelect
            label={t('dashboard.crosstab.cols')}
            none={t('dashboard.crosstab.none')}
            value={pick.cols}
            onChange={(value) => choose('cols', value)}
            choices={questionChoices(tables, COL_TYPES)}
          />
        </>
      }
    >
      {state?.data && <CrossTabTable data={state.data} lang={lang} />}
    </ChoiceSection>
  );
}
