import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Round } from '../inbeeld/types.ts';
import { SelectField } from '../SelectField.tsx';
import { groupedChart } from './charts.ts';
import { agreements, chartFileName, formatGap, formatNumber, GROUP_COLOURS, groupByQuestion, type Lang, rankGaps } from './helpers.ts';
import { type Draw, Legend, PlotFigure } from './PlotFigure.tsx';
import { Withheld } from './QuestionBlock.tsx';
import type { CompareItem, Comparison, ScaleCompareItem } from './types.ts';

type Mode = 'meet' | 'wave';

/** Loads GET /api/orgs/:orgId/reports/compare?a=&b= whenever the chosen round changes. */
function useComparison(orgId: string, a: string, b: string | null) {
  const [state, setState] = useState<{ b: string; data: Comparison | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!b) {
      setState(null);
      return;
    }
    const controller = new AbortController();
    setState({ b, data: null, error: null });
    api
      .get<Comparison>(`${apiPath`/api/orgs/${orgId}/reports/compare`}?${new URLSearchParams({ a, b })}`, { signal: controller.signal })
      .then((data) => setState({ b, data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ b, data: null, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [orgId, a, b]);
  return state;
}

function GapList({
  items,
  questionText,
  lang,
  decimals,
  labels,
}: {
  items: CompareItem[];
  questionText: (q: string) => string;
  lang: Lang;
  decimals: number;
  labels: { a: string; b: string };
}) {
  const { t } = useT();
  return (
    <ol className="gap-list">
      {items.map((item) => (
        <li key={`${item.question}/${item.code}`}>
          <strong>{item.label}</strong> <span className="gap-question">({questionText(item.question)})</span>
          <br />
          {t('dashboard.compare.gapLine', {
            a: labels.a,
            aPercent: formatNumber(item.aPercent, lang, decimals),
            b: labels.b,
            bPercent: formatNumber(item.bPercent, lang, decimals),
            gap: formatGap(item.gap, lang, decimals),
          })}
        </li>
      ))}
    </ol>
  );
}

function QuestionComparison({
  question,
  text,
  items,
  labels,
  lang,
  decimals,
}: {
  question: string;
  text: string;
  items: CompareItem[];
  labels: { a: string; b: string };
  lang: Lang;
  decimals: number;
}) {
  const { t } = useT();
  const draw = useMemo<Draw>(() => {
    const ariaDescription = items
      .map(
        (item) => `${item.label}: ${labels.a} ${formatNumber(item.aPercent, lang, decimals)} %, ${labels.b} ${formatNumber(item.bPercent, lang, decimals)} %`,
      )
      .join('; ');
    return (Plot, width) =>
      groupedChart(Plot, items, labels, { width, lang, decimals, ariaLabel: t('dashboard.chartLabel', { question: text }), ariaDescription });
  }, [items, labels, lang, decimals, text, t]);
  const cell = (value: string) => (value === '–' ? <Withheld /> : value);
  return (
    <section className="question-result" aria-label={text}>
      <h4>{text}</h4>
      <div className="chart-and-table">
        <PlotFigure
          draw={draw}
          title={text}
          fileBase={chartFileName(question, 'svg', 'vergelijking').replace(/\.svg$/, '')}
          legend={
            <Legend
              label={t('dashboard.legend')}
              entries={[
                { key: 'a', label: labels.a, colour: GROUP_COLOURS[0] },
                { key: 'b', label: labels.b, colour: GROUP_COLOURS[1] },
              ]}
            />
          }
        />
        <table className="table data-table">
          <caption>{text}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.answer')}</th>
              <th scope="col" className="number">
                {labels.a} (%)
              </th>
              <th scope="col" className="number">
                {labels.b} (%)
              </th>
              <th scope="col" className="number">
                {t('dashboard.compare.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.code}>
                <th scope="row" className="cell-break" data-label={t('dashboard.answer')}>
                  {item.label}
                </th>
                <td className="number" data-label={`${labels.a} (%)`}>
                  {cell(formatNumber(item.aPercent, lang, decimals))}
                </td>
                <td className="number" data-label={`${labels.b} (%)`}>
                  {cell(formatNumber(item.bPercent, lang, decimals))}
                </td>
                <td className="number" data-label={t('dashboard.compare.gap')}>
                  {cell(formatGap(item.gap, lang, decimals))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Means on the scales (likert questions and matrix statements) of both rounds, largest gap first. */
function ScaleGaps({
  items,
  labels,
  lang,
  decimals,
  questionText,
}: {
  items: ScaleCompareItem[];
  labels: { a: string; b: string };
  lang: Lang;
  decimals: number;
  questionText: (q: string) => string;
}) {
  const { t } = useT();
  const sorted = [...items].sort((x, y) => Math.abs(y.gap ?? -1) - Math.abs(x.gap ?? -1));
  const cell = (value: string) => (value === '–' ? <Withheld /> : value);
  return (
    <>
      <h3>{t('dashboard.compare.scalesHeading')}</h3>
      <table className="table data-table">
        <caption>{t('dashboard.compare.scalesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.statement')}</th>
            <th scope="col" className="number">
              {labels.a}
            </th>
            <th scope="col" className="number">
              {labels.b}
            </th>
            <th scope="col" className="number">
              {t('dashboard.compare.scaleGap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr key={`${item.question}/${item.item ?? ''}`}>
              <th scope="row" className="cell-break" data-label={t('dashboard.statement')}>
                {item.label}
                {item.item && <span className="gap-question"> ({questionText(item.question)})</span>}
              </th>
              <td className="number" data-label={labels.a}>
                {cell(formatNumber(item.aMean, lang, decimals))}
              </td>
              <td className="number" data-label={labels.b}>
                {cell(formatNumber(item.bMean, lang, decimals))}
              </td>
              <td className="number" data-label={t('dashboard.compare.scaleGap')}>
                {cell(formatGap(item.gap, lang, decimals))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * "De ontmoeting" (mode meet: experience workers and professionals side by side) and the
 * round-to-round comparison (mode wave). Both use the compare endpoint; the chosen round is in
 * the address (?meet= / ?wave=).
 */
export function CompareSection({
  mode,
  orgId,
  roundId,
  rounds,
  questionText,
  lang,
  decimals,
}: {
  mode: Mode;
  orgId: string;
  roundId: string;
  rounds: Round[];
  questionText: (question: string) => string;
  lang: Lang;
  decimals: number;
}) {
  const { t } = useT();
  const [search, setSearch] = useSearchParams();
  const chosen = search.get(mode);
  const [pick, setPick] = useState(chosen ?? '');
  const comparison = useComparison(orgId, roundId, chosen);
  const data = comparison?.data ?? null;
  const labels = useMemo(() => (data ? { a: data.a.label, b: data.b.label } : { a: '', b: '' }), [data]);
  const headingId = `${mode}-heading`;
  const text = (key: 'heading' | 'intro' | 'choose' | 'chooseHint' | 'none' | 'show' | 'differ' | 'agree' | 'agreeNone' | 'perQuestion' | 'loading') =>
    t(`dashboard.${mode}.${key}`);

  const largest = data ? (data.largest.length > 0 ? rankGaps(data.largest) : rankGaps(data.items)) : [];
  const agree = data ? agreements(data.items) : [];
  const perQuestion = data ? groupByQuestion(data.items.filter((item) => item.aPercent !== null || item.bPercent !== null)) : [];

  return (
    <section className="section compare-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{text('heading')}</h2>
      <p>{text('intro')}</p>
      {rounds.length === 0 ? (
        <p className="field-hint">{text('none')}</p>
      ) : (
        <form
          className="inline-form compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            const next = new URLSearchParams(search);
            if (pick) next.set(mode, pick);
            else next.delete(mode);
            setSearch(next, { preventScrollReset: true });
          }}
        >
          <SelectField label={text('choose')} hint={text('chooseHint')} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('dashboard.compare.noRound')}</option>
            {rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-secondary">
            {text('show')}
          </button>
        </form>
      )}
      <p className="status-message" role="status">
        {comparison && !comparison.data && !comparison.error ? text('loading') : ''}
      </p>
      {comparison?.error && <ErrorAlert message={comparison.error} />}
      {data && (
        <>
          <p>
            {t('dashboard.compare.groups', {
              a: data.a.label,
              aN: formatNumber(data.a.n, lang, 0),
              b: data.b.label,
              bN: formatNumber(data.b.n, lang, 0),
            })}
          </p>
          {data.definition && <p className="field-hint">{data.definition}</p>}
          <h3>{text('differ')}</h3>
          {largest.length > 0 ? (
            <GapList items={largest} questionText={questionText} lang={lang} decimals={decimals} labels={labels} />
          ) : (
            <p>{t('dashboard.compare.nothing')}</p>
          )}
          <h3>{text('agree')}</h3>
          {agree.length > 0 ? (
            <GapList items={agree} questionText={questionText} lang={lang} decimals={decimals} labels={labels} />
          ) : (
            <p>{text('agreeNone')}</p>
          )}
          {data.scales && data.scales.length > 0 && (
            <ScaleGaps items={data.scales} labels={labels} lang={lang} decimals={decimals} questionText={questionText} />
          )}
          <h3>{text('perQuestion')}</h3>
          {perQuestion.map((group) => (
            <QuestionComparison
              key={group.question}
              question={group.question}
              text={questionText(group.question)}
              items={group.items}
              labels={labels}
              lang={lang}
              decimals={decimals}
            />
          ))}
        </>
      )}
    </section>
  );
}
