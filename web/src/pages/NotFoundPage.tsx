import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';
import { useT } from '../i18n.ts';

export function Component() {
  const { t } = useT();
  return (
    <>
      <PageTitle text={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('common.backToHome')}</Link>
      </p>
    </>
  );
}
