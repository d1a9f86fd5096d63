import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../core/language.ts';
import type { CrossTab } from './crosstab-service.ts';
import type { ReportItem, ReportTable } from './report.ts';
import { CrossTabsChapter, Histogram, NumberSummary } from './report-crosstab-html.tsx';
import type { Comparison, Report } from './service.ts';

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

const texts = {
  nl: {
    kind: 'In beeld – rapport',
    instrument: 'Vragenlijst',
    organisation: 'Organisatie',
    date: 'Datum van het rapport',
    closes: 'Ronde sluit op',
    language: 'Taal',
    languageName: 'Nederlands',
    contents: 'Inhoud',
    method: 'Werkwijze',
    population: 'Wie zit erin',
    populationText: (filters: number) =>
      filters === 0 ? 'Alle ingevulde vragenlijsten van deze ronde.' : `Een selectie van de ingevulde vragenlijsten (${filters} filter(s)).`,
    complete: 'Volledig ingevuld (n)',
    started: 'Begonnen (ook niet afgewerkt)',
    rounding: 'Afronding',
    suppression: 'Kleine aantallen',
    whoSees: 'Wie ziet wat',
    whoSeesText: (k: number) =>
      `Leden en coördinatoren zien geen aantallen kleiner dan ${k}; die staan als “–”. Onderzoekers en beheerders zien alle aantallen; elke keer dat zij dat doen, staat in het auditlog.`,
    tables: 'Resultaten per vraag',
    answer: 'Antwoord',
    question: 'Vraag',
    count: 'Aantal',
    percent: '%',
    ci: '95%-betrouwbaarheidsinterval',
    ciShort: '95%-BI',
    footer: (n: string, valid: string, missing: string) => `n = ${n} · geldige n = ${valid} · ontbrekend = ${missing}`,
    hidden: 'verborgen: te weinig mensen om te tonen',
    hiddenNote: (k: number) => `– = verborgen. Een aantal onder ${k}, of een aantal waaruit je zo'n klein aantal kunt terugrekenen, tonen we niet.`,
    tooFew: 'Te weinig antwoorden om deze vraag te tonen.',
    chart: (text: string) => `Staafdiagram: ${text}`,
    chartDesc: 'Percentage per antwoord; verborgen aantallen hebben geen staaf.',
    mean: 'Gemiddelde',
    median: 'Mediaan',
    sd: 'Standaardafwijking',
    comparison: 'Perspectieven naast elkaar',
    largest: 'De grootste verschillen',
    gap: 'Verschil A − B (procentpunt)',
    noGaps: 'Geen verschillen om te tonen.',
    notCompared: 'Niet vergeleken (niet in beide vragenlijsten)',
    filtersRefused: 'Deze selectie tonen we niet.',
    page: 'pagina',
    of: '/',
  },
  en: {
    kind: 'In beeld – report',
    instrument: 'Questionnaire',
    organisation: 'Organisation',
    date: 'Date of the report',
    closes: 'Round closes on',
    language: 'Language',
    languageName: 'English',
    contents: 'Contents',
    method: 'Method',
    population: 'Who is included',
    populationText: (filters: number) =>
      filters === 0 ? 'All completed questionnaires of this round.' : `A selection of the completed questionnaires (${filters} filter(s)).`,
    complete: 'Completed (n)',
    started: 'Started (also unfinished)',
    rounding: 'Rounding',
    suppression: 'Small counts',
    whoSees: 'Who sees what',
    whoSeesText: (k: number) =>
      `Members and coordinators see no counts below ${k}; those are shown as “–”. Researchers and administrators see every count; each time they do, it is recorded in the audit log.`,
    tables: 'Results per question',
    answer: 'Answer',
    question: 'Question',
    count: 'Count',
    percent: '%',
    ci: '95% confidence interval',
    ciShort: '95% CI',
    footer: (n: string, valid: string, missing: string) => `n = ${n} · valid n = ${valid} · missing = ${missing}`,
    hidden: 'hidden: too few people to show',
    hiddenNote: (k: number) => `– = hidden. A count below ${k}, or a count from which such a small count could be worked out, is not shown.`,
    tooFew: 'Too few answers to show this question.',
    chart: (text: string) => `Bar chart: ${text}`,
    chartDesc: 'Percentage per answer; hidden counts have no bar.',
    mean: 'Mean',
    median: 'Median',
    sd: 'Standard deviation',
    comparison: 'Perspectives side by side',
    largest: 'The largest differences',
    gap: 'Difference A − B (percentage points)',
    noGaps: 'No differences to show.',
    notCompared: 'Not compared (not in both questionnaires)',
    filtersRefused: 'This selection is not shown.',
    page: 'page',
    of: '/',
  },
} satisfies Record<Language, unknown>;

export const footerTexts = (lang: Language) => ({ page: texts[lang].page, of: texts[lang].of });

const locale = (lang: Language) => (lang === 'nl' ? 'nl-BE' : 'en-GB');
export function formatNumber(value: number, decimals: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}
const formatDate = (date: Date | string, lang: Language) =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
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

/** The stylesheet of the report; embedded in the downloaded file (no app CSP applies to a download). */
export const REPORT_CSS = `
:root { color: #1a1a1a; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0.3rem 0 1.5rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #0b5394; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
.kind { color: #0b5394; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
dl { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.3rem 1rem; }
dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; font-size: 0.95em; }
th, td { border-bottom: 1px solid #bbb; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #333; }
tbody th { font-weight: normal; }
table { width: auto; min-width: 60%; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { max-width: 40rem; display: block; margin: 0.3rem 0; font-size: 12px; }
.chart-bar { fill: #0b5394; } .chart-label, .chart-value { fill: #1a1a1a; }
.counts { font-size: 0.9em; color: #333; margin: 0.2rem 0; }
.notes { font-size: 0.85em; color: #333; padding-left: 1.2rem; }
.too-few { font-style: italic; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.crosstab td.num { white-space: normal; }
abbr { text-decoration: none; }
.question { break-inside: avoid; page-break-inside: avoid; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media screen and (max-width: 30rem) {
  body { padding: 0.75rem; }
  dl { grid-template-columns: 1fr; }
  table { font-size: 0.85em; }
  th, td { padding: 0.2rem 0.25rem; }
  .num { white-space: normal; }
}
@page { size: A4; margin: 18mm 18mm 20mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  .title-page { break-after: page; page-break-after: always; }
  .chapter { break-before: page; page-break-before: always; }
  .chapter:first-child { break-before: auto; page-break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The whole report as one self-contained HTML document (embedded stylesheet, inline SVG charts, no script). */
export function renderReportHtml(doc: ReportDocument): string {
  const body = renderToStaticMarkup(<ReportPage doc={doc} />);
  const title = `${texts[doc.lang].kind}: ${doc.report.round.name}`;
  const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>${body}</body>
</html>
`;
}
