import { useT } from '../i18n.ts';

/** First stop for keyboard users: jumps past the header to the content (main has tabindex=-1, so it takes the focus). */
export function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#main">
      {t('common.skipToContent')}
    </a>
  );
}
