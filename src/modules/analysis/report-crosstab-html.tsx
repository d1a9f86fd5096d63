import type { Language } from '../../core/language.ts';
import type { CrossTab } from './crosstab-service.ts';
import type { ReportTable } from './report.ts';
import { formatNumber } from './report-number-format.ts';

/** The printable report's cross-tabs and the summary of a numeric question (see report-html.tsx). */

const texts = {
  nl: {
    crossTabs: 'Kruistabellen',
    crossTitle: (rows: string, cols: string) => `${rows} × ${cols}`,
    counts: 'Aantallen, met tussen haakjes het rijpercentage en het kolompercentage',
    total: 'Totaal',
    rowTotal: 'Rij (n)',
    hidden: '–',
    refused: 'niet getoond',
    test: 'Toets',
    chi: (s: string, df: number, p: string) => `Chi-kwadraat = ${s}, vrijheidsgraden = ${df}, p = ${p}`,
    fisher: (p: string) => `Fisher’s exacte toets: p = ${p}`,
    v: (v: string) => `Cramér’s V = ${v} (0 = geen samenhang, 1 = volledige samenhang)`,
    recommended: 'Deze toets past het best bij deze tabel.',
    summary: 'Samenvatting',
    numberLine: (p: Record<string, string>) =>
      `n = ${p.n} · gemiddelde ${p.mean} · mediaan ${p.median} · middelste helft (kwartielen) ${p.q1} tot ${p.q3} · standaardafwijking ${p.sd} · van ${p.min} tot ${p.max}`,
    histogram: (text: string) => `Histogram: ${text}`,
    histogramDesc: 'Aantal mensen per klasse; verborgen aantallen hebben geen staaf.',
  },
  en: {
    crossTabs: 'Cross-tabulations',
    crossTitle: (rows: string, cols: string) => `${rows} × ${cols}`,
    counts: 'Counts, with the row percentage and the column percentage in brackets',
    total: 'Total',
    rowTotal: 'Row (n)',
    hidden: '–',
    refused: 'not shown',
    test: 'Test',
    chi: (s: string, df: number, p: string) => `Chi-square = ${s}, degrees of freedom = ${df}, p = ${p}`,
    fisher: (p: string) => `Fisher’s exact test: p = ${p}`,
    v: (v: string) => `Cramér’s V = ${v} (0 = no association, 1 = complete association)`,
    recommended: 'This is the test that fits this table best.',
    summary: 'Summary',
    numberLine: (p: Record<string, string>) =>
      `n = ${p.n} · mean ${p.mean} · median ${p.median} · middle half (quartiles) ${p.q1} to ${p.q3} · standard deviation ${p.sd} · from ${p.min} to ${p.max}`,
    histogram: (text: string) => `Histogram: ${text}`,
    histogramDesc: 'Number of people per class; hidden counts have no bar.',
  },
} satisfies Record<Language, unknown>;

const HIDDEN = '–';
const format = (value: number | null, decimals: number, lang: Language) => (value === null ? HIDDEN : formatNumber(value, decimals, lang));

function CrossTabTable({ crossTab, lang, id }: { crossTab: CrossTab; lang: Language; id: string }) {
  const t = texts[lang];
  const d = crossTab.decimals;
  const test = crossTab.test;
  return (
    <section className="question crosstab" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t.crossTitle(crossTab.rows.text, crossTab.cols.text)}</h3>
      {/* Focusable, so a keyboard can scroll a wide table at 320 px. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={`${id}-heading`}>
        <table>
          <caption>{t.counts}</caption>
          <thead>
            <tr>
              <td />
              {crossTab.columns.map((c) => (
                <th scope="col" key={c.code}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num">
                {t.rowTotal}
              </th>
            </tr>
          </thead>
          <tbody>
            {crossTab.lines.map((line) => (
              <tr key={line.code}>
                <th scope="row">{line.label}</th>
                {line.refused ? (
                  <td colSpan={crossTab.columns.length + 1}>{t.refused}</td>
                ) : (
                  <>
                    {line.cells.map((cell) => (
                      <td className="num" key={cell.code}>
                        {format(cell.count, 0, lang)}
                        {cell.count !== null &&
                          ` (${format(cell.rowPercent, d, lang)} %${cell.colPercent === null ? '' : `; ${format(cell.colPercent, d, lang)} %`})`}
                      </td>
                    ))}
                    <td className="num">{format(line.validN, 0, lang)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              {crossTab.colTotals.map((total, j) => (
                <td className="num" key={crossTab.columns[j]?.code ?? j}>
                  {format(total, 0, lang)}
                </td>
              ))}
              <td className="num">{format(crossTab.total, 0, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <ul className="notes">
        {test?.chiSquare && (
          <li>
            {t.chi(format(test.chiSquare.statistic, 2, lang), test.chiSquare.df, format(test.chiSquare.p, 3, lang))}
            {test.recommended === 'chi_square' && ` ${t.recommended}`}
          </li>
        )}
        {test?.fisher && (
          <li>
            {t.fisher(format(test.fisher.p, 3, lang))}
            {test.recommended === 'fisher_exact' && ` ${t.recommended}`}
          </li>
        )}
        {test?.chiSquare && <li>{t.v(format(test.chiSquare.cramersV, 2, lang))}</li>}
        {test?.chiSquare?.warning && <li>{test.chiSquare.warning.text}</li>}
        {crossTab.testNote && <li>{crossTab.testNote}</li>}
        {crossTab.lines
          .filter((l) => l.refused && l.message)
          .map((l) => (
            <li key={l.code}>
              {l.label}: {l.message}
            </li>
          ))}
        {crossTab.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

export function CrossTabsChapter({ crossTabs, lang }: { crossTabs: CrossTab[]; lang: Language }) {
  return (
    <section className="chapter" aria-labelledby="crosstabs-heading">
      <h2 id="crosstabs-heading">{texts[lang].crossTabs}</h2>
      {crossTabs.map((crossTab, i) => (
        <CrossTabTable key={`${crossTab.rows.question}×${crossTab.cols.question}`} crossTab={crossTab} lang={lang} id={`x${i + 1}`} />
      ))}
    </section>
  );
}

/** Vertical bars of counts per class, drawn on the server (no script). */
export function Histogram({ table, id, lang }: { table: ReportTable; id: string; lang: Language }) {
  const t = texts[lang];
  const bins = table.items;
  const most = Math.max(1, ...bins.map((b) => b.count ?? 0));
  const barWidth = Math.max(24, Math.floor(560 / Math.max(bins.length, 1)));
  const height = 160;
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${bins.length * barWidth + 20} ${height + 40}`}
      width="100%"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{t.histogram(table.text)}</title>
      <desc id={`${id}-desc`}>
        {t.histogramDesc} {bins.map((b) => `${b.label}: ${format(b.count, 0, lang)}`).join('; ')}
      </desc>
      {bins.map((bin, i) => {
        const h = bin.count === null ? 0 : Math.round((bin.count / most) * height);
        const x = 10 + i * barWidth;
        return (
          <g key={bin.code}>
            <rect x={x + 2} y={height - h + 16} width={barWidth - 4} height={h} className="chart-bar" />
            <text x={x + barWidth / 2} y={height - h + 12} textAnchor="middle" className="chart-value">
              {format(bin.count, 0, lang)}
            </text>
            <text x={x + barWidth / 2} y={height + 32} textAnchor="middle" className="chart-label">
              {bin.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** n, mean, median, quartiles, spread and range of a numeric question in one line. */
export function NumberSummary({ table, lang }: { table: ReportTable; lang: Language }) {
  const s = table.scale;
  if (!s) return null;
  return (
    <p className="scale">
      <strong>{texts[lang].summary}:</strong>{' '}
      {texts[lang].numberLine({
        n: format(table.validN, 0, lang),
        mean: format(s.mean, 1, lang),
        median: format(s.median, 1, lang),
        q1: format(s.q1, 1, lang),
        q3: format(s.q3, 1, lang),
        sd: format(s.sd, 1, lang),
        min: format(s.min, 0, lang),
        max: format(s.max, 0, lang),
      })}
    </p>
  );
}
