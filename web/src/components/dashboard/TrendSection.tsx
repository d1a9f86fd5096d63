import { apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { ChoiceSection, ChoiceSelect, questionChoices, useAddressChoice } from './ChoiceSection.tsx';
import { formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { ReportTable, Trend } from './types.ts';
import { useApiData } from './useApiData.ts';

const QUESTION_TYPES = new Set(['single', 'multiple', 'likert']);

/** One question over every round of the same questionnaire, oldest first (?trend=question). */
export function TrendSection(props: { orgId: string; roundId: string; tables: ReportTable[]; lang: Lang }) {
  const { t } = useT();
  const { lang } = props;
  const { pick, choose, chosen, apply } = useAddressChoice(['trend'] as const);
  const question = chosen.trend;
  const state = useApiData<Trend>(
    question ? `${apiPath`/api/orgs/${props.orgId}/rounds/${props.roundId}/trend`}?${new URLSearchParams({ question, lang })}` : null,
  );
  const data = state?.data ?? null;
  const answers = data ? [...new Map(data.points.flatMap((p) => p.items.map((i) => [i.code, i.label] as const))).entries()] : [];
  return (
    <ChoiceSection
      name="trend"
      heading={t('dashboard.trend.heading')}
      intro={t('dashboard.trend.intro')}
      show={t('dashboard.trend.show')}
      apply={apply}
      state={state}
      fields={
        <ChoiceSelect
          label={t('dashboard.trend.question')}
          none={t('dashboard.crosstab.none')}
          value={pick.trend}
          onChange={(value) => choose('trend', value)}
          choices={questionChoices(props.tables, QUESTION_TYPES)}
        />
      }
    >
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
    </ChoiceSection>
  );
}
