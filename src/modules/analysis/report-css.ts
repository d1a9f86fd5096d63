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
