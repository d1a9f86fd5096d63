import { Link } from 'react-router';
import { useT } from '../i18n.ts';
import { useMaybeMe } from '../session.ts';

export function SiteFooter() {
  const { t } = useT();
  // The glossary is part of the signed-in app; before signing in the footer has only its line.
  const me = useMaybeMe();
  return (
    <footer className="site-footer">
      {me && (
        <p>
          <Link to="/begrippen">{t('nav.glossary')}</Link>
        </p>
      )}
      <p>{t('common.footer')}</p>
    </footer>
  );
}
