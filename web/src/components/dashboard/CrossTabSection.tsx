import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { CrossTab, ReportTable } from './types.ts';

const ROW_TYPES = new Set(['single', 'multiple']);
const COL_TYPES = new Set(['single', 'multiple', 'likert']);

function useCrossTab(orgId: string, roundId: string, rows: string | null, cols: string | null, lang: Lang) {
  const [state, setState] = useState<{ data: CrossTab | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!rows || !cols) {
      setState(null);
      return;
    }
    const controller = new AbortController();
    setState({ data: null, error: null });
    api
      .get<CrossTab>(`${apiPath`/api/orgs/${orgId}/rounds/${roundId}/crosstab`}?${new URLSearchParams({ rows, cols, lang })}`, { signal: controller.signal })
      .then((data) => setState({ data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [orgId, roundId, rows, cols, lang]);
  return state;
}

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
  const [search, setSearch] = useSearchParams();
  const rows = search.get('rows');
  const cols = search.get('cols');
  const [pick, setPick] = useState({ rows: rows ?? '', cols: cols ?? '' });
  const state = useCrossTab(orgId, roundId, rows, cols, lang);
  const unique = (types: Set<string>) => [...new Map(tables.filter((x) => types.has(x.type)).map((x) => [x.question, x.text])).entries()];
  const rowOptions = unique(ROW_TYPES);
  const colOptions = unique(COL_TYPES);
  return (
    <section className="section crosstab-section" aria-labelledby="crosstab-heading">
      <h2 id="crosstab-heading">{t('dashboard.crosstab.heading')}</h2>
      <p>{t('dashboard.crosstab.intro')}</p>
      <form
        className="inline-form compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(search);
          if (pick.rows && pick.cols) {
            next.set('rows', pick.rows);
            next.set('cols', pick.cols);
          } else {
            next.delete('rows');
            next.delete('cols');
          }
          setSearch(next, { preventScrollReset: true });
        }}
      >
        <SelectField label={t('dashboard.crosstab.rows')} value={pick.rows} onChange={(e) => setPick({ ...pick, rows: e.target.value })}>
          <option value="">{t('dashboard.crosstab.none')}</option>
          {rowOptions.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dashboard.crosstab.cols')} value={pick.cols} onChange={(e) => setPick({ ...pick, cols: e.target.value })}>
          <option value="">{t('dashboard.crosstab.none')}</option>
          {colOptions.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t('dashboard.crosstab.show')}
        </button>
      </form>
      <p className="status-message" role="status">
        {state && !state.data && !state.error ? t('dashboard.crosstab.loading') : ''}
      </p>
      {state?.error && <ErrorAlert message={state.error} />}
      {state?.data && <CrossTabTable data={state.data} lang={lang} />}
    </section>
  );
}
