import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { findOrganisation } from '../access.ts';
import { useT } from '../i18n.ts';
import { useMaybeMe } from '../session.ts';
import type { MeView, Organisation } from '../types.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { MainNav } from './MainNav.tsx';
import { NavigationStatus } from './NavigationStatus.tsx';
import { InboxBadge } from './notifications/InboxBadge.tsx';
import { OrganisationSwitcher } from './OrganisationSwitcher.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SkipLink } from './SkipLink.tsx';
import { TeamSwitcher } from './TeamSwitcher.tsx';

/** Pages outside /o/:orgId (settings) keep showing the organisation the person was last in. */
let lastOrganisationId: string | undefined;

function currentOrganisation(me: MeView, orgId: string | undefined): Organisation | undefined {
  if (orgId) lastOrganisationId = orgId;
  return findOrganisation(me, orgId ?? lastOrganisationId) ?? (orgId ? undefined : me.organisations[0]);
}

/**
 * The frame for signed-in people: header with organisation, team, language and account,
 * the main menu, and the page. On small screens the menu folds into a "Menu" button.
 */
export function AppShell() {
  const { t } = useT();
  const me = useMaybeMe();
  const { orgId } = useParams();
  const { pathname } = useLocation();
  // The menu is open for one path only: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // Just signed out: the sign-in page is on its way.
  if (!me) return null;
  const org = currentOrganisation(me, orgId);

  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="header-bar">
          <Link className="brand" to={org ? `/o/${org.id}` : '/'}>
            {t('common.appName')}
          </Link>
          {org && <InboxBadge orgId={org.id} />}
          <button
            ref={toggle}
            type="button"
            className="menu-toggle button button-secondary"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
          >
            <span className="menu-toggle-icon" aria-hidden="true" />
            {t('header.menu')}
          </button>
          <LanguageSelect />
        </div>
        <div id="site-menu" className={menuOpen ? 'site-menu site-menu-open' : 'site-menu'}>
          {org && <MainNav org={org} />}
          {org && (
            <div className="context-bar">
              <OrganisationSwitcher org={org} />
              <TeamSwitcher org={org} />
            </div>
          )}
          <AccountMenu />
        </div>
        <NavigationStatus />
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
