import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { INBOX_CHANGED } from './inbox-events.ts';

/** The header's link to "what waits for me", with how many things wait; counted again on every page. */
export function InboxBadge({ orgId }: { orgId: string }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api
        .get<{ count: number }>(apiPath`/api/orgs/${orgId}/inbox/count`, { signal: controller.signal })
        .then((result) => setCount(result.count))
        // The badge is a help, not the page: a failed count shows no number.
        .catch(() => undefined);
    void pathname;
    load();
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      window.removeEventListener(INBOX_CHANGED, load);
      controller.abort();
    };
  }, [orgId, pathname]);

  // The visible words start the link's name (WCAG 2.5.3); the rest is for screen readers.
  return (
    <Link className="inbox-badge" to={`/o/${orgId}/meldingen`}>
      {t('inbox.badge')}
      {count ? <span className="inbox-count">{count}</span> : null}
      <span className="visually-hidden">{count ? t('inbox.badgeWaiting', { count }) : t('inbox.badgeNothing')}</span>
    </Link>
  );
}
