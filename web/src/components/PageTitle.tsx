import { useEffect } from 'react';
import { useT } from '../i18n.ts';

/** The one h1 of a page; also names the browser tab. Focus moves here after each navigation. */
export function PageTitle({ text }: { text: string }) {
  const { t } = useT();
  const documentTitle = t('common.pageTitle', { page: text });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <h1 tabIndex={-1} className="page-title">
      {text}
    </h1>
  );
}
