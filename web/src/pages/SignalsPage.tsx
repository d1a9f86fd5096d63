import { useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { KruisbestuivingSubpageHeader } from '../components/signalen/KruisbestuivingSubpageHeader.tsx';
import { loadLabels } from '../components/signalen/labels.ts';
import { SignalListItem } from '../components/signalen/SignalListItem.tsx';
import type { SignalNotification, SignalSummary } from '../components/signalen/types.ts';
import '../components/signalen/signalen.css';
import { formatDateTime } from '../format.ts';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const signal = request.signal;
  const [all, notifications, labels] = await Promise.all([
    api.get<{ signals: SignalSummary[] }>(apiPath`/api/orgs/${org.id}/signals`, { signal }),
    api.get<{ notifications: SignalNotification[]; unread: number }>(apiPath`/api/orgs/${org.id}/signals/notifications`, { signal }),
    loadLabels(org.id, signal),
  ]);
  return { signals: all.signals, notifications: notifications.notifications, unread: notifications.unread, labels };
}

/** Signals to policy: what I raised (with the feedback I got), what I may see, and where to go next. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const me = useMe();
  const { signals, notifications, unread, labels } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = currentLanguage();
  const mine = signals.filter((s) => s.raisedByMe);
  const others = signals.filter((s) => !s.raisedByMe);
  const myTeams = me.teams.filter((team) => team.organisationId === org.id);
  const handles = org.can.handleSignals || myTeams.some((t) => t.position === 'coordinator' || t.position === 'policy_officer');
  const reports = handles || org.can.viewSignalReport;
  const base = `/o/${org.id}/kruisbestuiving/signalen`;

  const markRead = async () => {
    setError(null);
    try {
      const { marked } = await api.post<{ marked: number }>(apiPath`/api/orgs/${org.id}/signals/notifications/read`);
      await revalidate();
      setStatus(t('signalen.notifications.marked', { count: marked }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };

  return (
    <>
      <KruisbestuivingSubpageHeader orgId={org.id} title={t('signalen.title')} lead={t('signalen.intro')} />
      <ul className="link-list">
        <li>
          <Link to={`${base}/nieuw`}>{t('signalen.raise.link')}</Link>
        </li>
        {handles && (
          <li>
            <Link to={`${base}/overzicht`}>{t('signalen.overview.link')}</Link>
          </li>
        )}
        {reports && (
          <li>
            <Link to={`${base}/rapport`}>{t('signalen.report.link')}</Link>
          </li>
        )}
      </ul>

      <section className="section" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{t('signalen.notifications.title', { count: unread })}</h2>
        <ErrorAlert message={error} />
        <StatusMessage message={status} />
        {notifications.length === 0 ? (
          <p>{t('signalen.notifications.empty')}</p>
        ) : (
          <>
            <ul className="signal-list">
              {notifications.map((n) => (
                <li key={n.id}>
                  {!n.read && <span className="tag">{t('signalen.notifications.new')}</span>} {t(`signalen.notifications.kind.${n.kind}`)}:{' '}
                  <Link to={`${base}/${n.signalId}`}>{n.signalTitle}</Link>
                  <p className="signal-meta">
                    {t(`signalen.status.${n.status}`)} · {formatDateTime(n.at, lang)}
                  </p>
                </li>
              ))}
            </ul>
            {unread > 0 && (
              <button type="button" className="button button-secondary" onClick={markRead}>
                {t('signalen.notifications.markRead')}
              </button>
            )}
          </>
        )}
      </section>

      <section className="section" aria-labelledby="my-signals-heading">
        <h2 id="my-signals-heading">{t('signalen.mine')}</h2>
        {mine.length === 0 ? (
          <p>{t('signalen.noneMine')}</p>
        ) : (
          <ul className="signal-list">
            {mine.map((s) => (
              <SignalListItem key={s.id} orgId={org.id} signal={s} labels={labels} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="other-signals-heading">
        <h2 id="other-signals-heading">{t('signalen.others')}</h2>
        {others.length === 0 ? (
          <p>{t('signalen.noneOthers')}</p>
        ) : (
          <ul className="signal-list">
            {others.map((s) => (
              <SignalListItem key={s.id} orgId={org.id} signal={s} labels={labels} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
