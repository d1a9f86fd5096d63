import { useEffect, useState } from 'react';
import { data, Link, type LoaderFunctionArgs, useLoaderData, useLocation, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { pick } from '../components/inbeeld/editor/context.tsx';
import { InstrumentEditor } from '../components/inbeeld/editor/InstrumentEditor.tsx';
import { VersionOutline } from '../components/inbeeld/editor/VersionOutline.tsx';
import type { Framework, InstrumentDefinition, InstrumentDetail, VersionSummary, VersionView } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { formatDateTime } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.viewInstruments);
  const base = apiPath`/api/orgs/${org.id}/instruments/${params.instrumentId ?? ''}`;
  const options = { signal: request.signal };
  const [instrument, frameworks] = await Promise.all([
    api.get<InstrumentDetail>(base, options),
    api.get<{ frameworks: Framework[] }>(apiPath`/api/orgs/${org.id}/frameworks`, options),
  ]);
  const versions = [...instrument.versions].sort((a, b) => a.version - b.version);
  const wanted = Number(new URL(request.url).searchParams.get('version'));
  const chosen = versions.find((v) => v.version === wanted) ?? versions.find((v) => v.status === 'draft') ?? versions.at(-1);
  if (!chosen) throw data(null, { status: 404 });
  const version = await api.get<VersionView>(`${base}/versions/${chosen.version}`, options);
  return { instrument: { ...instrument, versions }, version, frameworks: frameworks.frameworks };
}

function VersionList({ versions, current }: { versions: VersionSummary[]; current: number }) {
  const { t } = useT();
  const lang = currentLanguage();
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('inBeeld.instrument.versionsHeading')}</h2>
      <ul className="link-list">
        {[...versions].reverse().map((v) => {
          const label =
            v.status === 'draft'
              ? t('inBeeld.instrument.versionDraft', { version: v.version, date: formatDateTime(v.updatedAt, lang) })
              : t('inBeeld.instrument.versionPublished', { version: v.version, date: formatDateTime(v.publishedAt ?? v.updatedAt, lang) });
          return (
            <li key={v.id}>
              {v.version === current ? (
                <span aria-current="page">
                  <strong>{label}</strong> ({t('inBeeld.instrument.shown')})
                </span>
              ) : (
                <Link to={`?version=${v.version}`}>{label}</Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One questionnaire: its draft to edit (researchers, admins), or a version to read, and all its versions. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const navigate = useNavigate();
  const location = useLocation();
  const { instrument, version, frameworks } = useLoaderData<typeof loader>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const manage = org.can.manageInstruments;
  const editable = manage && version.status === 'draft';
  const draft = instrument.versions.find((v) => v.status === 'draft');
  const published = (location.state as { published?: number } | null)?.published;
  const previewUrl = `${apiPath`/api/orgs/${org.id}/instruments/${instrument.id}/versions/${version.version}/preview`}?section=1&lang=${lang}`;

  // Just published: the page changed under the person's feet; start reading at the top again.
  useEffect(() => {
    if (published) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [published]);

  const startDraft = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<VersionView>(apiPath`/api/orgs/${org.id}/instruments/${instrument.id}/draft`);
      navigate(`?version=${created.version}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const shownDate = formatDateTime(version.status === 'draft' ? version.updatedAt : (version.publishedAt ?? version.updatedAt), lang);

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/in-beeld`}>{t('inBeeld.backToOverview')}</Link>
      </p>
      <PageTitle text={pick(instrument.title, lang) || instrument.key} />
      <p className="lead">
        {version.status === 'draft'
          ? t('inBeeld.instrument.showingDraft', { version: version.version, date: shownDate })
          : t('inBeeld.instrument.showingPublished', { version: version.version, date: shownDate })}
      </p>
      <StatusMessage message={published ? t('inBeeld.instrument.justPublished', { version: published }) : null} />
      {editable ? (
        <>
          <p>{t('inBeeld.instrument.howItWorks')}</p>
          <InstrumentEditor key={version.id} org={org} instrument={instrument} version={version} frameworks={frameworks} previewUrl={previewUrl} />
        </>
      ) : (
        <>
          {version.status === 'published' && <p>{t('inBeeld.instrument.publishedFixed')}</p>}
          <ErrorAlert message={error} />
          <div className="button-row">
            <a
              className="button button-secondary"
              href={previewUrl}
              target="_blank"
              rel="noopener"
              aria-label={`${t('inBeeld.editor.preview')} ${t('common.newTab')}`}
            >
              {t('inBeeld.editor.preview')}
            </a>
            {manage && version.status === 'published' && !draft && (
              <button type="button" className="button button-primary" onClick={() => void startDraft()} aria-disabled={busy || undefined}>
                {t('inBeeld.instrument.newVersion')}
              </button>
            )}
            {manage && draft && draft.version !== version.version && (
              <Link className="button button-primary" to={`?version=${draft.version}`}>
                {t('inBeeld.instrument.editDraft', { version: draft.version })}
              </Link>
            )}
            {org.can.manageRounds && version.status === 'published' && (
              <Link className="button button-secondary" to={`/o/${org.id}/in-beeld/rounds/new?version=${version.id}`}>
                {t('inBeeld.instrument.newRound')}
              </Link>
            )}
          </div>
          <VersionOutline definition={(version.resolved ?? version.definition) as unknown as InstrumentDefinition} frameworks={frameworks} />
        </>
      )}
      <VersionList versions={instrument.versions} current={version.version} />
    </>
  );
}
