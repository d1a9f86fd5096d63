import { useState } from 'react';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { announceInboxChanged } from '../components/notifications/inbox-events.ts';
import { NotificationList } from '../components/notifications/NotificationList.tsx';
import type { InboxView } from '../components/notifications/types.ts';
import { WaitingList } from '../components/notifications/WaitingList.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  return api.get<InboxView>(apiPath`/api/orgs/${org.id}/inbox`, { signal: request.signal });
}

/** What waits for me, and my notifications: the unread ones first in mind, the history below them. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const loaded = useLoaderData<typeof loader>();
  const [notifications, setNotifications] = useState(loaded.notifications);
  const [status, setStatus] = useState<string | null>(null);
  const unread = notifications.filter((n) => !n.read);
  const history = notifications.filter((n) => n.read);

  const markRead = async (ids?: string[]) => {
    const { marked } = await api.post<{ marked: number }>(apiPath`/api/orgs/${org.id}/inbox/read`, ids ? { ids } : {});
    setNotifications((all) => all.map((n) => (ids === undefined || ids.includes(n.id) ? { ...n, read: true } : n)));
    setStatus(t('inbox.marked', { count: marked }));
    announceInboxChanged();
  };

  return (
    <>
      <PageTitle text={t('inbox.title')} />
      <p className="lead">{t('inbox.intro')}</p>
      <section className="section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('inbox.waitingHeading')}</h2>
        <WaitingList items={loaded.waiting} />
      </section>
      <section className="section" aria-labelledby="unread-heading">
        <h2 id="unread-heading">{t('inbox.unreadHeading', { count: unread.length })}</h2>
        <NotificationList notifications={unread} onRead={(id) => void markRead([id])} />
        {unread.length > 1 && (
          <p>
            <button type="button" className="button button-secondary" onClick={() => void markRead()}>
              {t('inbox.markAllRead')}
            </button>
          </p>
        )}
        <StatusMessage message={status} />
      </section>
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('inbox.historyHeading')}</h2>
        <NotificationList notifications={history} onRead={(id) => void markRead([id])} />
      </section>
    </>
  );
}
