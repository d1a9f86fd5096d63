import { useT } from '../i18n.ts';

export function SiteFooter() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <p>{t('common.footer')}</p>
    </footer>
  );
}
