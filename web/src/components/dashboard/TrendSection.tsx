import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { ReportTable, Trend } from './types.ts';
import { useApiData } from './useApiData.ts';

const QUESTION_TYPES = new Set(['single', 'multiple', 'likert']);

/** One question over every round of the same questionnaire, oldest first (?trend=question). */
export function TrendSection(props: { orgId: string; roundId: string; tables: ReportTable[]; lang: Lang }) {
  const { t } = useT();
  const { lang } = props;
  const [search, setSearch] = useSearchParams();
  const [pick, setPick] = useState(search.get('trend') ?? '');
  const questions = [...new Map(props.tables.filter((x) => QUESTION_TYPES.has(x.type)).map((x) => [x.question, x.text])).entries()];
  const question = search.get('trend');
  const state = useApiData<Trend>(
    question ? `${apiPath`/api/orgs/${props.orgId}/rounds/${props.roundId}/trend`}?${new URLSearchParams({ question, lang })}` : null,
  );
  const data = state?.data ?? null;
  const answers = data ? [...new Map(data.points.flatMap((p) => p.items.map((i) => [i.code, i.label] as const))).entries()] : [];
  return (
    <section className="section trend-section" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('dashboard.trend.heading')}</h2>
      <p>{t('dashboard.trend.intro')}</p>
      <form
        className="inline-form compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(search);
          if (pick) next.set('trend', pick);
          else next.delete('trend');
          setSearch(next, { preventScrollReset: true });
        }}
      >
        <SelectField label={t('dashboard.trend.question')} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t('dashboard.crosstab.none')}</option>
          {questions.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t('dashboard.trend.show')}
        </button>
      </form>
      <p className="status-message" role="status">
        {state && !state.data && !state.error ? t('dashboard.crosstab.loading') : ''}
      </p>
      {state?.error && <ErrorAlert message={state.error} />}
      {data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, and a keyboard must reach it (WCAG 2.1.1)
        <section className="table-scroll" tabIndex={0} aria-labelledby="trend-caption">
          <table className="table crosstab-table">
            <caption id="trend-caption">
              {data.question.text} ({t('dashboard.trend.unit')})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.trend.round')}</th>
                {answers.map(([code, label]) => (
                  <th scope="col" className="number" key={code}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.points.map((point) => (
                <tr key={point.round.id}>
                  <th scope="row" className="cell-break">
                    {point.round.name}
                    <br />
                    <span className="field-hint">
                      {formatDate(point.round.closesOn, lang)} · n = {formatNumber(point.n, lang, 0)}
                    </span>
                  </th>
                  {answers.map(([code]) => {
                    const percent = point.items.find((i) => i.code === code)?.percent ?? null;
                    return (
                      <td className="number" key={code}>
                        {percent === null ? <Withheld /> : formatNumber(percent, lang, 1)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
