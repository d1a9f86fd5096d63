import { useEffect, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { AuditTable } from '../components/audit/AuditTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useT } from '../i18n.ts';
import type { AuditEvent, AuditPage, Member, Organisation, Team } from '../types.ts';

const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.viewAudit);
  const base = apiPath`/api/orgs/${org.id}`;
  const options = { signal: request.signal };
  // Members and teams only to show names instead of ids.
  const [page, members, teams] = await Promise.all([
    api.get<AuditPage>(`${base}/audit?limit=${PAGE_SIZE}`, options),
    api.get<{ members: Member[] }>(`${base}/members`, options),
    api.get<{ teams: Team[] }>(`${base}/teams`, options),
  ]);
  return {
    page,
    people: new Map(members.members.map((m) => [m.userId, m.displayName])),
    teams: new Map(teams.teams.map((team) => [team.id, team.name])),
  };
}

function AuditLog({ org }: { org: Organisation }) {
  const { t } = useT();
  const { page, people, teams } = useLoaderData<typeof loader>();
  const [events, setEvents] = useState<AuditEvent[]>(page.events);
  const [nextBefore, setNextBefore] = useState(page.nextBefore);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const endNote = useRef<HTMLParagraphElement>(null);
  const [reachedEnd, setReachedEnd] = useState(false);

  // The "Meer laden" button disappears after the last page: keep the focus close by.
  useEffect(() => {
    if (reachedEnd) endNote.current?.focus();
  }, [reachedEnd]);

  const loadMore = async () => {
    if (busy || nextBefore === null) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const more = await api.get<AuditPage>(apiPath`/api/orgs/${org.id}/audit?limit=${PAGE_SIZE}&before=${nextBefore}`);
      setEvents((current) => [...current, ...more.events]);
      setNextBefore(more.nextBefore);
      setStatus(t('audit.loadedMore', { count: more.events.length }));
      if (more.nextBefore === null) setReachedEnd(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const result = await api.get<{ intact: boolean; entries: number; issues: unknown[] }>(apiPath`/api/orgs/${org.id}/audit/verify`);
      if (result.intact) setStatus(t('audit.verifyIntact', { count: result.entries }));
      else {
        setError(new ApiError({ id: 'conflict', status: 0, message: t('audit.verifyBroken', { count: result.issues.length }) }));
        setAttempt((n) => n + 1);
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="button-row">
        <a className="button button-secondary" href={apiPath`/api/orgs/${org.id}/audit.csv`} download>
          {t('audit.download')}
        </a>
        <button type="button" className="button button-secondary" onClick={verify} aria-disabled={busy || undefined}>
          {t('audit.verify')}
        </button>
        <Link className="button button-secondary" to={`/o/${org.id}/privacy`}>
          {t('privacy.linkFromAudit')}
        </Link>
      </p>
      {events.length === 0 ? <p>{t('audit.empty')}</p> : <AuditTable org={org} events={events} names={{ people, teams }} />}
      <ErrorAlert key={attempt} message={error?.message ?? null} />
      <StatusMessage message={status} />
      {nextBefore !== null ? (
        <p className="button-row">
          <button type="button" className="button button-secondary" onClick={loadMore} aria-disabled={busy || undefined}>
            {t('audit.more')}
          </button>
        </p>
      ) : (
        events.length > 0 && (
          <p ref={endNote} tabIndex={-1}>
            {t('audit.end')}
          </p>
        )
      )}
    </>
  );
}

/** Who changed what, and when; for administrators. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  return (
    <>
      <PageTitle text={t('audit.title')} />
      <p className="lead">{t('audit.intro', { organisation: org.name })}</p>
      <AuditLog key={org.id} org={org} />
    </>
  );
}
