import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { filterableQuestions, formatGap, formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { ReportTable, SubgroupComparison } from './types.ts';
import { useApiData } from './useApiData.ts';

const QUESTION_TYPES = new Set(['single', 'multiple', 'likert']);

/** A team or an answer group against the whole round on one question (?sq=question&sg=team:<id> | answer:<q>:<o>). */
export function SubgroupSection(props: { orgId: string; roundId: string; tables: ReportTable[]; teams: { id: string; name: string }[]; lang: Lang }) {
  const { t } = useT();
  const { lang } = props;
  const [search, setSearch] = useSearchParams();
  const [pick, setPick] = useState({ question: search.get('sq') ?? '', group: search.get('sg') ?? '' });
  const questions = [...new Map(props.tables.filter((x) => QUESTION_TYPES.has(x.type)).map((x) => [x.question, x.text])).entries()];
  const groups = [
    ...props.teams.map((team) => ({ value: `team:${team.id}`, label: team.name })),
    ...filterableQuestions(props.tables).flatMap((q) =>
      q.options.filter((o) => !o.code.startsWith('_')).map((o) => ({ value: `answer:${q.question}:${o.code}`, label: `${q.text}: ${o.label}` })),
    ),
  ];
  const question = search.get('sq');
  const group = search.get('sg');
  const params = new URLSearchParams({ question: question ?? '', lang });
  if (group?.startsWith('team:')) params.set('team', group.slice(5));
  else if (group?.startsWith('answer:')) params.set('filter', group.slice(7));
  const state = useApiData<SubgroupComparison>(question && group ? `${apiPath`/api/orgs/${props.orgId}/rounds/${props.roundId}/subgroup`}?${params}` : null);
  const data = state?.data ?? null;
  const figure = (value: number | null) => (value === null ? <Withheld /> : formatNumber(value, lang, 1));
  return (
    <section className="section subgroup-section" aria-labelledby="subgroup-heading">
      <h2 id="subgroup-heading">{t('dashboard.subgroup.heading')}</h2>
      <p>{t('dashboard.subgroup.intro')}</p>
      <form
        className="inline-form compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(search);
          if (pick.question && pick.group) {
            next.set('sq', pick.question);
            next.set('sg', pick.group);
          } else {
            next.delete('sq');
            next.delete('sg');
          }
          setSearch(next, { preventScrollReset: true });
        }}
      >
        <SelectField label={t('dashboard.subgroup.question')} value={pick.question} onChange={(e) => setPick({ ...pick, question: e.target.value })}>
          <option value="">{t('dashboard.crosstab.none')}</option>
          {questions.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dashboard.subgroup.group')} value={pick.group} onChange={(e) => setPick({ ...pick, group: e.target.value })}>
          <option value="">{t('dashboard.subgroup.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t('dashboard.subgroup.show')}
        </button>
      </form>
      <p className="status-message" role="status">
        {state && !state.data && !state.error ? t('dashboard.crosstab.loading') : ''}
      </p>
      {state?.error && <ErrorAlert message={state.error} />}
      {data?.subgroup.refused && <p className="notice">{data.subgroup.message}</p>}
      {data && !data.subgroup.refused && (
        <>
          <p className="field-hint">{data.definition}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, and a keyboard must reach it (WCAG 2.1.1) */}
          <section className="table-scroll" tabIndex={0} aria-labelledby="subgroup-caption">
            <table className="table crosstab-table">
              <caption id="subgroup-caption">
                {data.question.text} ({t('dashboard.subgroup.sizes', { n: formatNumber(data.subgroup.n, lang, 0), total: formatNumber(data.wholeN, lang, 0) })})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.answer')}</th>
                  <th scope="col" className="number">
                    {t('dashboard.subgroup.sub')}
                  </th>
                  <th scope="col" className="number">
                    {t('dashboard.subgroup.whole')}
                  </th>
                  <th scope="col" className="number">
                    {t('dashboard.subgroup.difference')}
                  </th>
                  <th scope="col" className="number">
                    {t('dashboard.ci')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.code}>
                    <th scope="row" className="cell-break">
                      {item.label}
                    </th>
                    <td className="number">{figure(item.subgroup.percent)}</td>
                    <td className="number">{figure(item.whole.percent)}</td>
                    <td className="number">{item.difference === null ? <Withheld /> : formatGap(item.difference, lang, 1)}</td>
                    <td className="number">{item.ci ? `${formatGap(item.ci[0], lang, 1)} … ${formatGap(item.ci[1], lang, 1)}` : <Withheld />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
