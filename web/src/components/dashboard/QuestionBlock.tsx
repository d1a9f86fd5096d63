import { useMemo } from 'react';
import { useT } from '../../i18n.ts';
import { barChart, divergingChart, histogramChart } from './charts.ts';
import {
  chartFileName,
  chartKind,
  chartPoints,
  countsLine,
  describeBars,
  describeScale,
  formatNumber,
  hasSuppressed,
  isWithheld,
  itemsHaveOwnValidN,
  type Lang,
  SUPPRESSED,
  scalePalette,
  scalePoints,
  scaleRows,
  tableRows,
} from './helpers.ts';
import { type Draw, Legend, PlotFigure } from './PlotFigure.tsx';
import type { ReportTable } from './types.ts';

/** "–" for a withheld figure, read out as words by screen readers. */
export function Withheld() {
  const { t } = useT();
  return (
    <>
      <span aria-hidden="true">{SUPPRESSED}</span>
      <span className="visually-hidden">{t('dashboard.suppressedShort')}</span>
    </>
  );
}

function Cell({ text, label }: { text: string; label: string }) {
  return (
    <td data-label={label} className="number">
      {text === SUPPRESSED ? <Withheld /> : text}
    </td>
  );
}

function CountsCaption({ table, lang }: { table: ReportTable; lang: Lang }) {
  const { t } = useT();
  return (
    <caption>
      {table.text}
      <span className="table-counts">{countsLine(table, { n: t('dashboard.n'), validN: t('dashboard.validN'), missing: t('dashboard.missing') }, lang)}</span>
    </caption>
  );
}

/** The data table of a choice or likert question: one row per answer. */
function ChoiceTable({ table, lang, decimals }: { table: ReportTable; lang: Lang; decimals: number }) {
  const { t } = useT();
  const rows = tableRows(table, lang, decimals);
  const ownValidN = itemsHaveOwnValidN(table);
  const withCi = table.items.some((item) => item.ci);
  return (
    <table className="table data-table">
      <CountsCaption table={table} lang={lang} />
      <thead>
        <tr>
          <th scope="col">{t('dashboard.answer')}</th>
          <th scope="col" className="number">
            {t('dashboard.count')}
          </th>
          <th scope="col" className="number">
            {t('dashboard.percent')}
          </th>
          {ownValidN && (
            <th scope="col" className="number">
              {t('dashboard.validN')}
            </th>
          )}
          {withCi && (
            <th scope="col" className="number">
              {t('dashboard.ci')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code}>
            <th scope="row" data-label={t('dashboard.answer')} className="cell-break">
              {row.label}
            </th>
            <Cell text={row.count} label={t('dashboard.count')} />
            <Cell text={row.percent} label={t('dashboard.percent')} />
            {ownValidN && <Cell text={row.validN} label={t('dashboard.validN')} />}
            {withCi && <Cell text={row.ci} label={t('dashboard.ci')} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The data table of a matrix: one row per statement, one column per scale point (percent of the statement's valid n). */
function MatrixTable({ table, lang, decimals }: { table: ReportTable; lang: Lang; decimals: number }) {
  const { t } = useT();
  const points = scalePoints(table);
  const statements = new Map(table.items.map((item) => [item.label, item]));
  return (
    <table className="table data-table">
      <CountsCaption table={table} lang={lang} />
      <thead>
        <tr>
          <th scope="col">{t('dashboard.statement')}</th>
          {points.map((point) => (
            <th scope="col" className="number" key={point.code}>
              {point.label} (%)
            </th>
          ))}
          <th scope="col" className="number">
            {t('dashboard.validN')}
          </th>
          <th scope="col" className="number">
            {t('dashboard.missingColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {scaleRows(table).map(({ row, points: values }) => (
          <tr key={row}>
            <th scope="row" data-label={t('dashboard.statement')} className="cell-break">
              {row}
            </th>
            {values.map((value) => (
              <Cell key={value.code} text={formatNumber(value.percent, lang, decimals)} label={`${value.label} (%)`} />
            ))}
            <Cell text={formatNumber(statements.get(row)?.validN ?? table.validN, lang, 0)} label={t('dashboard.validN')} />
            <Cell text={formatNumber(statements.get(row)?.missing ?? table.missing, lang, 0)} label={t('dashboard.missingColumn')} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One question: its chart (when one fits), the data table with n, valid n and missing, notes and the footnote. */
export function QuestionBlock({ table, lang, decimals, fileBase }: { table: ReportTable; lang: Lang; decimals: number; fileBase: string }) {
  const { t } = useT();
  const kind = chartKind(table);
  const withheld = isWithheld(table);
  const suppressedWord = t('dashboard.suppressedShort');
  const headingId = `q-${table.question}`;

  const draw = useMemo<Draw | null>(() => {
    const common = { lang, decimals, ariaLabel: t('dashboard.chartLabel', { question: table.text }) };
    if (kind === 'bars') {
      const ariaDescription = describeBars(table, lang, suppressedWord, decimals);
      return (Plot, width) => barChart(Plot, table, { ...common, width, ariaDescription });
    }
    if (kind === 'histogram') {
      const ariaDescription = table.items.map((item) => `${item.label}: ${formatNumber(item.count, lang, 0)}`).join('; ');
      return (Plot, width) => histogramChart(Plot, table, { ...common, width, ariaDescription, countLabel: t('dashboard.count') });
    }
    if (kind === 'diverging') {
      const ariaDescription = describeScale(table, lang, suppressedWord, decimals);
      return (Plot, width) => divergingChart(Plot, table, { ...common, width, ariaDescription });
    }
    return null;
  }, [table, kind, lang, decimals, suppressedWord, t]);

  const legend =
    kind === 'diverging' ? (
      <Legend
        label={t('dashboard.legend')}
        entries={chartPoints(table).map((point, i, all) => ({ key: point.code, label: point.label, colour: scalePalette(all.length)[i] ?? '#0b6e69' }))}
      />
    ) : undefined;

  return (
    <section className="question-result" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {table.text}
      </h3>
      {withheld ? (
        <>
          <p className="notice">{t('dashboard.tableSuppressed')}</p>
          <p className="table-counts">{countsLine(table, { n: t('dashboard.n'), validN: t('dashboard.validN'), missing: t('dashboard.missing') }, lang)}</p>
        </>
      ) : kind === 'none' ? (
        <>
          {(table.type === 'short_text' || table.type === 'long_text') && <p>{t('dashboard.textNotShown')}</p>}
          {table.items.length > 0 ? (
            <ChoiceTable table={table} lang={lang} decimals={decimals} />
          ) : (
            <p className="table-counts">{countsLine(table, { n: t('dashboard.n'), validN: t('dashboard.validN'), missing: t('dashboard.missing') }, lang)}</p>
          )}
        </>
      ) : (
        <div className="chart-and-table">
          {draw && <PlotFigure draw={draw} title={table.text} fileBase={fileBase} legend={legend} />}
          {table.type === 'matrix' ? (
            <MatrixTable table={table} lang={lang} decimals={decimals} />
          ) : (
            <ChoiceTable table={table} lang={lang} decimals={decimals} />
          )}
        </div>
      )}
      {!withheld && table.view === 'bins' && table.scale && table.scale.mean !== null && (
        <p className="scale-stats">
          {t('dashboard.numberStats', {
            n: formatNumber(table.validN, lang, 0),
            mean: formatNumber(table.scale.mean, lang, decimals),
            median: formatNumber(table.scale.median ?? null, lang, decimals),
            q1: formatNumber(table.scale.q1 ?? null, lang, decimals),
            q3: formatNumber(table.scale.q3 ?? null, lang, decimals),
            sd: formatNumber(table.scale.sd, lang, decimals),
          })}
          {table.scale.min !== null &&
            table.scale.max !== null &&
            ` ${t('dashboard.numberRange', { min: formatNumber(table.scale.min, lang, 0), max: formatNumber(table.scale.max, lang, 0) })}`}
        </p>
      )}
      {!withheld && table.view !== 'bins' && table.scale && table.scale.mean !== null && (
        <p className="scale-stats">
          {t('dashboard.scaleStats', {
            mean: formatNumber(table.scale.mean, lang, decimals),
            median: formatNumber(table.scale.median ?? null, lang, decimals),
            sd: formatNumber(table.scale.sd, lang, decimals),
            min: formatNumber(table.scale.min ?? null, lang, 0),
            max: formatNumber(table.scale.max ?? null, lang, 0),
          })}
        </p>
      )}
      {table.notes.length > 0 && (
        <ul className="table-notes">
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {!withheld && hasSuppressed(table) && (
        <p className="table-footnote">
          <span aria-hidden="true">{SUPPRESSED}</span> {t('dashboard.suppressedFootnote')}
        </p>
      )}
    </section>
  );
}

/** The download name of a question's chart: "<question>.svg". */
export function questionFileBase(question: string): string {
  return chartFileName(question, 'svg').replace(/\.svg$/, '');
}
