import { useMemo } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { CompareSection } from '../components/dashboard/CompareSection.tsx';
import { CrossTabSection } from '../components/dashboard/CrossTabSection.tsx';
import { FilterForm } from '../components/dashboard/FilterForm.tsx';
import { formatCount, mergeMatrices, parseReportQuery, reportSearch } from '../components/dashboard/helpers.ts';
import { QuestionBlock, questionFileBase } from '../components/dashboard/QuestionBlock.tsx';
import { SubgroupSection } from '../components/dashboard/SubgroupSection.tsx';
import { TrendSection } from '../components/dashboard/TrendSection.tsx';
import type { Report } from '../components/dashboard/types.ts';
import { ExportPanel } from '../components/exports/ExportPanel.tsx';
import type { Round, RoundDetail } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { formatDate } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';
import '../components/dashboard/dashboard.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Every member may read a report (small counts hidden); the round's links and the other rounds are for those who run rounds.
  const org = await requireOrganisation(request, params.orgId);
  const roundId = params.roundId ?? '';
  const options = { signal: request.signal };
  const query = parseReportQuery(new URL(request.url).searchParams);
  const runsRounds = org.can.viewRounds;
  const [report, round, rounds] = await Promise.all([
    api.get<Report>(`${apiPath`/api/orgs/${org.id}/rounds/${roundId}/report`}?${reportSearch(query, currentLanguage())}`, options),
    runsRounds ? api.get<RoundDetail>(apiPath`/api/orgs/${org.id}/rounds/${roundId}`, options) : null,
    runsRounds ? api.get<{ rounds: Round[] }>(apiPath`/api/orgs/${org.id}/rounds`, options) : null,
  ]);
  return { report, round, rounds: rounds?.rounds ?? [] };
}

/**
 * The dashboard of one round: how to read the figures, filters, a chart and a data table per
 * question, "De ontmoeting" (two perspectives side by side) and the comparison with another round.
 * The API sends aggregates only, so the page does work per question, not per response.
 */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const { report, round, rounds } = useLoaderData<typeof loader>();
  const decimals = report.rounding.decimals;
  const tables = useMemo(() => mergeMatrices(report.tables), [report.tables]);
  const roundId = report.round.id;
  const others = rounds.filter((r) => r.id !== roundId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sameSurvey = others.filter((r) => r.instrumentTitle === report.round.instrumentTitle);
  const otherSurvey = others.filter((r) => r.instrumentTitle !== report.round.instrumentTitle);
  const teams = (round?.links ?? []).flatMap((link) => (link.teamId && link.teamName ? [{ id: link.teamId, name: link.teamName }] : []));
  const questionText = useMemo(() => {
    const texts = new Map(tables.map((table) => [table.question, table.text]));
    return (question: string) => texts.get(question) ?? question;
  }, [tables]);
  const tooFewMessage = typeof report.filters.message === 'string' ? report.filters.message : report.filters.message?.[lang];

  return (
    <>
      <p className="back-link">
        {round ? (
          <Link to={`/o/${org.id}/in-beeld/rounds/${roundId}`}>{t('dashboard.backToRound', { name: report.round.name })}</Link>
        ) : (
          <Link to={`/o/${org.id}/in-beeld`}>{t('inBeeld.backToOverview')}</Link>
        )}
      </p>
      <PageTitle text={t('dashboard.title', { name: report.round.name })} />
      <dl className="details-list round-facts">
        <div>
          <dt>{t('inBeeld.rounds.instrument')}</dt>
          <dd>{report.round.instrumentTitle}</dd>
        </div>
        <div>
          <dt>{t('dashboard.responses')}</dt>
          <dd>{formatCount(report.round.n, lang)}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.rounds.closesOn')}</dt>
          <dd>{formatDate(report.round.closesOn, lang)}</dd>
        </div>
      </dl>

      <section className="notice reading-rules" aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="notice-title">
          {t('dashboard.rules.heading')}
        </h2>
        <p>{report.rounding.rule[lang]}</p>
        <p className={report.disclosure.unsuppressed ? 'warning-text' : undefined}>{report.disclosure.rule[lang]}</p>
        {report.disclosure.suppressed && <p>{t('dashboard.rules.suppressed')}</p>}
      </section>

      <FilterForm teams={teams} tables={tables} />

      {report.filters.applied.length > 0 && !report.filters.tooFew && typeof report.filters.n === 'number' && (
        <p className="filter-result">{t('dashboard.filters.selected', { n: formatCount(report.filters.n, lang), total: formatCount(report.round.n, lang) })}</p>
      )}
      {report.filters.tooFew && (
        <div className="notice too-few" role="status">
          <p className="notice-title">{t('dashboard.tooFew.title')}</p>
          <p>{tooFewMessage || t('dashboard.tooFew.text')}</p>
        </div>
      )}

      <section className="section" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('dashboard.results')}</h2>
        {tables.length === 0 ? (
          <p>{t('dashboard.noTables')}</p>
        ) : (
          <>
            <nav aria-label={t('dashboard.questionsNav')} className="question-nav">
              <details>
                <summary>{t('dashboard.questionsNav')}</summary>
                <ol>
                  {tables.map((table) => (
                    <li key={table.question}>
                      <a href={`#q-${table.question}`}>{table.text}</a>
                    </li>
                  ))}
                </ol>
              </details>
            </nav>
            {tables.map((table) => (
              <QuestionBlock key={table.question} table={table} lang={lang} decimals={decimals} fileBase={questionFileBase(table.question)} />
            ))}
          </>
        )}
      </section>

      {tables.length > 0 && (
        <>
          <CrossTabSection orgId={org.id} roundId={roundId} tables={tables} lang={lang} />
          <SubgroupSection orgId={org.id} roundId={roundId} tables={tables} teams={teams} lang={lang} />
          {sameSurvey.length > 0 && <TrendSection orgId={org.id} roundId={roundId} tables={tables} lang={lang} />}
        </>
      )}

      {/* Those who run rounds export from the round's page; members export the tables here. */}
      {!round && <ExportPanel orgId={org.id} roundId={roundId} raw={org.can.exportResponses} />}

      {round && (
        <>
          <CompareSection
            mode="meet"
            orgId={org.id}
            roundId={roundId}
            rounds={[...otherSurvey, ...sameSurvey]}
            questionText={questionText}
            lang={lang}
            decimals={decimals}
          />
          <CompareSection mode="wave" orgId={org.id} roundId={roundId} rounds={sameSurvey} questionText={questionText} lang={lang} decimals={decimals} />
        </>
      )}
    </>
  );
}
