import type { Language } from '../../core/language.ts';
import { renderToStaticMarkup } from '../../http/render.ts';
import type { Comparison } from './compare-service.ts';
import type { CrossTab } from './crosstab-service.ts';
import type { ReportItem, ReportTable } from './report.ts';
import { CrossTabsChapter, Histogram, NumberSummary } from './report-crosstab-html.tsx';
import { REPORT_CSS } from './report-css.ts';
import { formatNumber, reportLocale } from './report-number-format.ts';
import { texts } from './report-texts.ts';
import type { Report } from './service.ts';

/** Everything the printable report shows; gathered by report-files.ts, rendered here without db or clock. */
export type ReportDocument = {
  lang: Language;
  organisation: string;
  generatedAt: Date;
  responses: { started: number | null; complete: number | null };
  report: Report;
  comparison: Comparison | null;
  /** Cross-tabs asked for with the report (none by default). */
  crossTabs?: CrossTab[];
};

export const footerTexts = (lang: Language) => ({ page: texts[lang].page, of: texts[lang].of });

const formatDate = (date: Date | string, lang: Language) =>
  new Intl.DateTimeFormat(reportLocale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    typeof date === 'string' ? new Date(date) : date,
  );

const HIDDEN = '–';
const orHidden = (value: number | null) => (value === null ? HIDDEN : String(value));

/** A horizontal bar per answer, drawn on the server: no script, readable by screen readers. */
function BarChart(props: { table: ReportTable; id: string; lang: Language }) {
  const t = texts[props.lang];
  const rows = props.table.items;
  const rowHeight = 22;
  const labelWidth = 300;
  const barWidth = 330;
  const height = rows.length * rowHeight + 8;
  const shorten = (label: string) => (label.length > 44 ? `${label.slice(0, 42)}…` : label);
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`}
      width="100%"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{t.chart(props.table.text)}</title>
      <desc id={`${props.id}-desc`}>
        {t.chartDesc}{' '}
        {rows.map((item) => `${item.label}: ${item.percent === null ? HIDDEN : `${formatNumber(item.percent, item.decimals, props.lang)} %`}`).join('; ')}
      </desc>
      {rows.map((item, i) => {
        const y = i * rowHeight + 4;
        const width = item.percent === null ? 0 : Math.round(Math.max((item.percent / 100) * barWidth, item.percent > 0 ? 1 : 0) * 10) / 10;
        return (
          <g key={item.code}>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="chart-label">
              {shorten(item.label)}
            </text>
            <rect x={labelWidth} y={y + 2} width={width} height={rowHeight - 6} className="chart-bar" />
            <text x={labelWidth + width + 4} y={y + 14} className="chart-value">
              {item.percent === null ? HIDDEN : `${formatNumber(item.percent, item.decimals, props.lang)} %`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function cell(item: ReportItem, value: number | null, decimals: number, lang: Language) {
  if (value === null) return item.suppressed ? <abbr title={texts[lang].hidden}>{HIDDEN}</abbr> : HIDDEN;
  return formatNumber(value, decimals, lang);
}

function TableSection(props: { table: ReportTable; index: number; lang: Language; k: number }) {
  const { table, lang } = props;
  const t = texts[lang];
  const id = `q${props.index + 1}`;
  const anyHidden = table.suppressed || table.items.some((i) => i.suppressed);
  return (
    <section className="question" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{table.text}</h3>
      {table.tooFew ? (
        <p className="too-few">{t.tooFew}</p>
      ) : (
        <>
          {table.items.length > 0 &&
            (table.view === 'bins' ? <Histogram table={table} id={`${id}-chart`} lang={lang} /> : <BarChart table={table} id={`${id}-chart`} lang={lang} />)}
          <table>
            <caption className="visually-hidden">{table.text}</caption>
            <thead>
              <tr>
                <th scope="col">{t.answer}</th>
                <th scope="col" className="num">
                  {t.count}
                </th>
                <th scope="col" className="num">
                  {t.percent}
                </th>
                <th scope="col" className="num">
                  <abbr title={t.ci}>{t.ciShort}</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {table.items.map((item) => (
                <tr key={item.code}>
                  <th scope="row">{item.label}</th>
                  <td className="num">{cell(item, item.count, 0, lang)}</td>
                  <td className="num">{cell(item, item.percent, item.decimals, lang)}</td>
                  <td className="num">
                    {item.ci
                      ? `${formatNumber(item.ci[0], item.decimals, lang)} – ${formatNumber(item.ci[1], item.decimals, lang)}`
                      : item.suppressed
                        ? HIDDEN
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {table.scale && table.view === 'bins' && <NumberSummary table={table} lang={lang} />}
          {table.scale && table.view !== 'bins' && (
            <p className="scale">
              {t.mean}: {table.scale.mean === null ? HIDDEN : formatNumber(table.scale.mean, table.decimals, lang)} · {t.sd}:{' '}
              {table.scale.sd === null ? HIDDEN : formatNumber(table.scale.sd, table.decimals, lang)} · {t.median}:{' '}
              {table.scale.median === null ? HIDDEN : formatNumber(table.scale.median, table.decimals, lang)}
            </p>
          )}
        </>
      )}
      <p className="counts">{t.footer(orHidden(table.n), orHidden(table.validN), orHidden(table.missing))}</p>
      {(anyHidden || table.notes.length > 0) && (
        <ul className="notes">
          {anyHidden && <li>{t.hiddenNote(props.k)}</li>}
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ComparisonSection(props: { comparison: Comparison; lang: Language; questions: Map<string, string> }) {
  const { comparison, lang } = props;
  const t = texts[lang];
  const pct = (value: number | null) => (value === null ? HIDDEN : formatNumber(value, 1, lang));
  return (
    <section className="chapter" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t.comparison}</h2>
      <dl className="facts">
        <dt>A</dt>
        <dd>
          {comparison.a.label} (n = {orHidden(comparison.a.n)})
        </dd>
        <dt>B</dt>
        <dd>
          {comparison.b.label} (n = {orHidden(comparison.b.n)})
        </dd>
      </dl>
      <p>{comparison.definition}</p>
      <h3>{t.largest}</h3>
      {comparison.largest.length === 0 ? (
        <p>{t.noGaps}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.question}</th>
              <th scope="col">{t.answer}</th>
              <th scope="col" className="num">
                A %
              </th>
              <th scope="col" className="num">
                B %
              </th>
              <th scope="col" className="num">
                {t.gap}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.largest.map((item) => (
              <tr key={`${item.question}:${item.code}`}>
                <td>{props.questions.get(item.question) ?? item.question}</td>
                <th scope="row">{item.label}</th>
                <td className="num">{pct(item.aPercent)}</td>
                <td className="num">{pct(item.bPercent)}</td>
                <td className="num">{item.gap === null ? HIDDEN : `${item.gap > 0 ? '+' : ''}${formatNumber(item.gap, 1, lang)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {comparison.items.some((i) => i.suppressed) && <p className="notes">{t.hiddenNote(comparison.disclosure.threshold)}</p>}
      {comparison.notCompared.length > 0 && (
        <p className="notes">
          {t.notCompared}: {comparison.notCompared.join(', ')}
        </p>
      )}
    </section>
  );
}

function ReportPage({ doc }: { doc: ReportDocument }) {
  const { report, lang } = doc;
  const t = texts[lang];
  return (
    <>
      <header className="title-page">
        <p className="kind">{t.kind}</p>
        <h1>{report.round.name}</h1>
        <dl>
          <dt>{t.instrument}</dt>
          <dd>{report.round.instrumentTitle}</dd>
          <dt>{t.organisation}</dt>
          <dd>{doc.organisation}</dd>
          <dt>{t.date}</dt>
          <dd>{formatDate(doc.generatedAt, lang)}</dd>
          <dt>{t.closes}</dt>
          <dd>{formatDate(report.round.closesOn, lang)}</dd>
          <dt>{t.language}</dt>
          <dd>{t.languageName}</dd>
        </dl>
      </header>
      <main>
        <section className="chapter" aria-labelledby="method-heading">
          <h2 id="method-heading">{t.method}</h2>
          <dl className="facts">
            <dt>{t.population}</dt>
            <dd>{t.populationText(report.filters.applied.length)}</dd>
            <dt>{t.complete}</dt>
            <dd>{orHidden(report.filters.n ?? report.round.n)}</dd>
            <dt>{t.started}</dt>
            <dd>{orHidden(doc.responses.started)}</dd>
            <dt>{t.rounding}</dt>
            <dd>{report.rounding.rule[lang]}</dd>
            <dt>{t.suppression}</dt>
            <dd>{report.disclosure.rule[lang]}</dd>
            <dt>{t.whoSees}</dt>
            <dd>{t.whoSeesText(report.disclosure.threshold)}</dd>
          </dl>
        </section>
        <section className="chapter" aria-labelledby="tables-heading">
          <h2 id="tables-heading">{t.tables}</h2>
          {report.filters.tooFew && <p>{report.filters.message ?? t.filtersRefused}</p>}
          {report.tables.map((table, i) => (
            <TableSection key={`${table.question}:${table.item ?? ''}`} table={table} index={i} lang={lang} k={report.disclosure.threshold} />
          ))}
        </section>
        {doc.crossTabs && doc.crossTabs.length > 0 && <CrossTabsChapter crossTabs={doc.crossTabs} lang={lang} />}
        {doc.comparison && (
          <ComparisonSection comparison={doc.comparison} lang={lang} questions={new Map(report.tables.map((table) => [table.question, table.text]))} />
        )}
      </main>
    </>
  );
}

export function renderReportHtml(doc: ReportDocument, stylesheet?: string): string {
  const body = renderToStaticMarkup(<ReportPage doc={doc} />);
  const title = `${texts[doc.lang].kind}: ${doc.report.round.name}`;
  const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
${stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : `<style>${REPORT_CSS}</style>`}
</head>
<body>${body}</body>
</html>
`;
}
