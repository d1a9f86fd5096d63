import { useT } from '../i18n.ts';

/** Shown while the very first page loads. */
export function LoadingPage() {
  const { t } = useT();
  return (
    <div className="page">
      <main id="main" className="main main-narrow">
        <p className="app-loading" role="status">
          {t('common.loading')}
        </p>
      </main>
    </div>
  );
}
