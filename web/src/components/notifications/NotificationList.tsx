import { formatDateTime } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { ThingLink } from './ThingLink.tsx';
import type { NotificationView } from './types.ts';

/** Notifications, newest first: unread ones marked, each linking to the thing; following one marks it read. */
export function NotificationList({ notifications, onRead }: { notifications: NotificationView[]; onRead: (id: string) => void }) {
  const { t } = useT();
  const lang = currentLanguage();
  if (notifications.length === 0) return <p>{t('inbox.noNotifications')}</p>;
  return (
    <ul className="notification-list">
      {notifications.map((n) => (
        <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
          <p className="notification-text">
            {!n.read && <span className="notification-new">{t('inbox.new')}</span>}{' '}
            <ThingLink to={n.link} onFollow={n.read ? undefined : () => onRead(n.id)}>
              {n.text}
            </ThingLink>
          </p>
          <p className="meta">
            <time dateTime={n.at}>{formatDateTime(n.at, lang)}</time>
            {!n.read && (
              <>
                {' · '}
                <button type="button" className="button button-secondary button-small" onClick={() => onRead(n.id)}>
                  {t('inbox.markRead')}
                  <span className="visually-hidden">: {n.text}</span>
                </button>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
