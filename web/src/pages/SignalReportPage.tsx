import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { DisclosedValue } from '../components/signalen/DisclosedValue.tsx';
import { ScrollTable } from '../components/signalen/ScrollTable.tsx';
import { StatusCountsSection } from '../components/signalen/StatusCountsSection.tsx';
import type { SignalReport } from '../components/signalen/types.ts';
import '../components/signalen/signalen.css';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  return { report: await api.get<SignalReport>(apiPath`/api/orgs/${org.id}/signals/report`, { signal: request.signal }) };
}

/** Signals per theme and level, for policy; small groups are protected for those without raw rights. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { report } = useLoaderData<typeof loader>();
  const lang = currentLanguage();
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/signalen`}>{t('signalen.back')}</Link>
      </p>
      <PageTitle text={t('signalen.report.title')} />
      <p className="lead">{t('signalen.report.intro')}</p>
      <div className="notice">
        <p>{report.disclosure.suppressed ? t('signalen.report.suppressed', { k: report.disclosure.threshold }) : t('signalen.report.raw')}</p>
        {report.disclosure.explanation.map((e) => (
          <p key={e.nl}>{e[lang]}</p>
        ))}
      </div>
      {report.themes.length === 0 ? (
        <p>{t('signalen.report.empty')}</p>
      ) : (
        <ScrollTable label={t('signalen.report.caption')}>
          <table className="table">
            <caption>{t('signalen.report.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signalen.field.theme')}</th>
                {report.levels.map((level) => (
                  <th scope="col" key={level}>
                    {t(`signalen.level.${level}`)}
                  </th>
                ))}
                <th scope="col">{t('signalen.report.total')}</th>
              </tr>
            </thead>
            <tbody>
              {report.themes.map((theme, i) => (
                <tr key={theme.key ?? 'none'}>
                  <th scope="row">{theme.label[lang]}</th>
                  {report.levels.map((level, j) => (
                    <td key={level}>
                      <DisclosedValue value={report.cells[i]?.[j] ?? { count: null, suppressed: null }} />
                    </td>
                  ))}
                  <td>
                    <DisclosedValue value={report.themeTotals[i] ?? { count: null, suppressed: null }} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('signalen.report.total')}</th>
                {report.levelTotals.map((v, j) => (
                  <td key={report.levels[j]}>
                    <DisclosedValue value={v} />
                  </td>
                ))}
                <td>
                  <DisclosedValue value={report.total} />
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      )}
      <StatusCountsSection
        headingId="status-heading"
        title={t('signalen.report.byStatus')}
        rows={report.byStatus.map((s) => ({ status: s.status, count: <DisclosedValue value={s.count} /> }))}
      />
    </>
  );
}
