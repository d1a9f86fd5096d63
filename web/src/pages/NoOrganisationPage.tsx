import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';

/** Signed in, but not (or no longer) a member of any organisation. */
export function Component() {
  const { t } = useT();
  return (
    <>
      <PageTitle text={t('noOrganisation.title')} />
      <p>{t('noOrganisation.text')}</p>
    </>
  );
}
