import { Link, type LoaderFunctionArgs, useLoaderData, useSearchParams } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ThingLink } from '../components/notifications/ThingLink.tsx';
import type { InboxView } from '../components/notifications/types.ts';
import { WaitingList } from '../components/notifications/WaitingList.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import type { Part } from '../components/PartPlaceholder.tsx';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';

/** `built`: the part can be used; the others say honestly that they are still being built. */
const parts: Array<{ part: Part; path: string; built: boolean }> = [
  { part: 'inBeeld', path: 'in-beeld', built: true },
  { part: 'trajecten', path: 'trajecten', built: true },
  { part: 'kruisbestuiving', path: 'kruisbestuiving', built: true },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  return api.get<InboxView>(apiPath`/api/orgs/${org.id}/inbox`, { signal: request.signal });
}

/** How many unread notifications the start page shows; the rest are in the inbox. */
const SHOWN = 5;

/** The start page of a person in an organisation: what waits for them, then what the platform is for and its three parts. */
export function Component() {
  const { t } = useT();
  const inbox = useLoaderData<typeof loader>();
  const unread = inbox.notifications.filter((n) => !n.read);
  const me = useMe();
  const org = useOrganisation();
  const [searchParams] = useSearchParams();
  const team = searchParams.get('team');
  const search = team ? `?${new URLSearchParams({ team })}` : '';

  return (
    <>
      <PageTitle text={t('home.title', { name: me.user.displayName })} />
      <p className="lead">{t('home.intro')}</p>
      <p className="meta">{t('home.context', { organisation: org.name, sector: t(`sectors.${org.sector}`), role: t(`roles.${org.role}`) })}</p>
      <section className="section waiting-section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('inbox.waitingHeading')}</h2>
        <WaitingList items={inbox.waiting} />
        {unread.length > 0 && (
          <>
            <h3>{t('inbox.unreadHeading', { count: unread.length })}</h3>
            <ul className="notification-list">
              {unread.slice(0, SHOWN).map((n) => (
                <li key={n.id} className="notification notification-unread">
                  <ThingLink to={n.link}>{n.text}</ThingLink>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <Link to={`/o/${org.id}/meldingen`}>{t('inbox.allLink')}</Link>
        </p>
      </section>
      <h2>{t('home.partsHeading')}</h2>
      <ul className="cards">
        {parts.map(({ part, path, built }) => (
          <li key={part} className="card">
            <h3>
              <Link className="card-link" to={{ pathname: `/o/${org.id}/${path}`, search }}>
                {t(`parts.${part}.title`)}
              </Link>
            </h3>
            <p>
              {built
                ? part === 'trajecten'
                  ? t('trajecten.homeCard')
                  : t(`home.cardsBuilt.${part as 'inBeeld' | 'kruisbestuiving'}`)
                : t(`home.cards.${part}`)}
            </p>
            {!built && <p className="card-status">{t('home.inProgress')}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
