import { useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import type { DialogueRecordsView } from '../components/meetings/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { CharterSection } from '../components/trajecten/CharterSection.tsx';
import { DialogueRecords } from '../components/trajecten/DialogueRecords.tsx';
import { langOf, useSave } from '../components/trajecten/helpers.ts';
import { SaveFeedback } from '../components/trajecten/SaveFeedback.tsx';
import type { CharterVersionView, TrajectoryDetailView } from '../components/trajecten/types.ts';
import '../components/trajecten/trajecten.css';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const detail = await api.get<TrajectoryDetailView>(apiPath`/api/orgs/${org.id}/trajectories/${params.trajectoryId ?? ''}`, options);
  const version = params.version ?? (detail.charter.latestVersion === null ? null : String(detail.charter.latestVersion));
  const view = version ? await api.get<CharterVersionView>(apiPath`/api/orgs/${org.id}/trajectories/${detail.id}/charter/versions/${version}`, options) : null;
  const records = await api.get<DialogueRecordsView>(apiPath`/api/orgs/${org.id}/trajectories/${detail.id}/dialogue-records`, options);
  return { detail, view, records: records.records };
}

/** The collaboration charter: versions, what changed, who signed, comments per section, export and print. */
export function Component() {
  const { t, i18n } = useT();
  const org = useOrganisation();
  const navigate = useNavigate();
  const { detail, view, records } = useLoaderData<typeof loader>();
  const [showDiff, setShowDiff] = useState(false);
  const [language, setLanguage] = useState(langOf(i18n.resolvedLanguage));
  const save = useSave();
  const base = apiPath`/api/orgs/${org.id}/trajectories/${detail.id}`;
  const pagePath = `/o/${org.id}/trajecten/${detail.id}`;
  const versionPath = view ? `${base}/charter/versions/${view.version}` : '';
  const needsNew = view === null || (view.latest && view.outdated);

  const makeVersion = async () => {
    let made: { version: number } | undefined;
    const ok = await save.run(async () => {
      made = await api.post<{ version: number }>(`${base}/charter/versions`, { language });
    }, t('trajecten.versionMade'));
    if (ok && made) navigate(`${pagePath}/kader/${made.version}`);
  };

  return (
    <>
      <p className="back-link no-print">
        <Link to={pagePath}>{t('trajecten.backToTrajectory', { title: detail.title })}</Link>
      </p>
      <PageTitle text={t('trajecten.charterPageTitle', { title: detail.title })} />
      <p className="meta">{t('trajecten.charterIntro', { team: detail.team.name })}</p>
      <SaveFeedback {...save} />
      {needsNew && detail.me.canWrite && (
        <div className="notice no-print">
          <p className="notice-title">{view ? t('trajecten.changedSince', { version: view.version }) : t('trajecten.noVersionYet')}</p>
          <fieldset className="field">
            <legend>{t('trajecten.charterLanguage')}</legend>
            <div className="choice-list">
              {(['nl', 'en'] as const).map((l) => (
                <label key={l} className="choice">
                  <input type="radio" name="charter-language" checked={language === l} onChange={() => setLanguage(l)} />
                  {t(`trajecten.language.${l}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void makeVersion()}>
              {view ? t('trajecten.makeVersion', { version: view.version + 1 }) : t('trajecten.makeFirstVersion')}
            </button>
          </div>
        </div>
      )}
      {view && (
        <>
          <section className="section charter-status" aria-labelledby="status-heading">
            <h2 id="status-heading">{t('trajecten.versionHeading', { version: view.version })}</h2>
            <p>
              {t('trajecten.versionMadeBy', { name: view.createdBy.displayName, date: formatDateTime(view.createdAt, langOf(i18n.resolvedLanguage)) })}
              {!view.latest && <span className="tag tag-open">{t('trajecten.olderVersion')}</span>}
            </p>
            <p className={view.established ? 'charter-established' : 'charter-pending'}>
              <strong>{view.established ? t('trajecten.established') : t('trajecten.notEstablished')}</strong>
            </p>
            <ul className="trajectory-list">
              {view.signatures.map((s) => (
                <li key={s.userId}>{t('trajecten.signedBy', { name: s.displayName, date: formatDateTime(s.signedAt, langOf(i18n.resolvedLanguage)) })}</li>
              ))}
              {view.missing.map((m) => (
                <li key={m.userId}>{t('trajecten.notSignedBy', { name: m.displayName })}</li>
              ))}
            </ul>
            <div className="button-row no-print">
              {view.canSign && !view.outdated && (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void save.run(() => api.post(`${versionPath}/signatures`), t('trajecten.signed', { version: view.version }))}
                >
                  {t('trajecten.sign', { version: view.version })}
                </button>
              )}
              {view.signedByMe && <p>{t('trajecten.youSigned')}</p>}
              <a className="button button-secondary" href={`${versionPath}/charter.md`} download>
                {t('trajecten.downloadMd')}
              </a>
              <a className="button button-secondary" href={`${versionPath}/charter.pdf`} download>
                {t('trajecten.downloadPdf')}
              </a>
              <button type="button" className="button button-secondary" onClick={() => window.print()}>
                {t('trajecten.print')}
              </button>
            </div>
            {view.versions.length > 1 && (
              <nav aria-label={t('trajecten.versionsNav')} className="no-print">
                <ul className="trajectory-inline-list">
                  {view.versions.map((v) => (
                    <li key={v.version}>
                      <Link to={`${pagePath}/kader/${v.version}`} aria-current={v.version === view.version ? 'page' : undefined}>
                        {t('trajecten.versionLink', { version: v.version })}
                        {v.established ? ` (${t('trajecten.establishedShort')})` : ''}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {view.version > 1 && (
              <label className="choice no-print">
                <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} />
                {t('trajecten.showDiff', { version: view.version - 1 })}
              </label>
            )}
          </section>
          <article className="charter" lang={view.language}>
            {view.sections.map((s) => (
              <CharterSection key={s.key} view={view} section={s} showDiff={showDiff} canComment={detail.me.canWrite} versionPath={versionPath} />
            ))}
          </article>
        </>
      )}
      <DialogueRecords orgId={org.id} trajectoryId={detail.id} records={records} />
    </>
  );
}
