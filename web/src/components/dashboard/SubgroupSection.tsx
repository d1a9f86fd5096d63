import { apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ChoiceSection, ChoiceSelect, questionChoices, useAddressChoice } from './ChoiceSection.tsx';
import { filterableQuestions, formatGap, formatNumber, type Lang } from './helpers.ts';
import { Withheld } from './QuestionBlock.tsx';
import type { ReportTable, SubgroupComparison } from './types.ts';
import { useApiData } from './useApiData.ts';

const QUESTION_TYPES = new Set(['single', 'multiple', 'likert']);

/** A team or an answer group against the whole round on one question (?sq=question&sg=team:<id> | answer:<q>:<o>). */
export function SubgroupSection(props: { orgId: string; roundId: string; tables: ReportTable[]; teams: { id: string; name: string }[]; lang: Lang }) {
  const { t } = useT();
  const { lang } = props;
  const { pick, choose, chosen, apply } = useAddressChoice(['sq', 'sg'] as const);
  const groups: [string, string][] = [
    ...props.teams.map((team): [string, string] => [`team:${team.id}`, team.name]),
    ...filterableQuestions(props.tables).flatMap((q) =>
      q.options.filter((o) => !o.code.startsWith('_')).map((o): [string, string] => [`answer:${q.question}:${o.code}`, `${q.text}: ${o.label}`]),
    ),
  ];
  const { sq: question, sg: group } = chosen;
  const params = new URLSearchParams({ question: question ?? '', lang });
  if (group?.startsWith('team:')) params.set('team', group.slice(5));
  else if (group?.startsWith('answer:')) params.set('filter', group.slice(7));
  const state = useApiData<SubgroupComparison>(question && group ? `${apiPath`/api/orgs/${props.orgId}/rounds/${props.roundId}/subgroup`}?${params}` : null);
  const data = state?.data ?? null;
  const figure = (value: number | null) => (value === null ? <Withheld /> : formatNumber(value, lang, 1));
  return (
    <ChoiceSection
      name="subgroup"
      heading={t('dashboard.subgroup.heading')}
      intro={t('dashboard.subgroup.intro')}
      show={t('dashboard.subgroup.show')}
      apply={apply}
      state={state}
      fields={
        <>
          <ChoiceSelect
            label={t('dashboard.subgroup.question')}
            none={t('dashboard.crosstab.none')}
            value={pick.sq}
            onChange={(value) => choose('sq', value)}
            choices={questionChoices(props.tables, QUESTION_TYPES)}
          />
          <ChoiceSelect
            label={t('dashboard.subgroup.group')}
            none={t('dashboard.subgroup.noGroup')}
            value={pick.sg}
            onChange={(value) => choose('sg', value)}
            choices={groups}
          />
        </>
      }
    >
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
    </ChoiceSection>
  );
}
