import { Link, Outlet } from 'react-router';
import { useT } from '../i18n.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { NavigationStatus } from './NavigationStatus.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SkipLink } from './SkipLink.tsx';

/** Frame for pages before signing in (sign in, invitation, not found): name and language only. */
export function PublicLayout() {
  const { t } = useT();
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="header-bar">
          <Link className="brand" to="/">
            {t('common.appName')}
          </Link>
          <LanguageSelect />
        </div>
        <NavigationStatus />
      </header>
      <main id="main" tabIndex={-1} className="main main-narrow">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
