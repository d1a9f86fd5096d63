import { Link } from 'react-router';
import { useOrganisation } from '../access.ts';
import { useT } from '../i18n.ts';
import { PageTitle } from './PageTitle.tsx';

export type Part = 'inBeeld' | 'trajecten' | 'kruisbestuiving';

/** An honest page for a part that is not built yet: what it is for, and that it is coming. No made-up data. */
export function PartPlaceholder({ part }: { part: Part }) {
  const { t } = useT();
  const org = useOrganisation();
  return (
    <>
      <PageTitle text={t(`parts.${part}.title`)} />
      <p className="lead">{t(`parts.${part}.purpose`)}</p>
      <div className="notice">
        <p className="notice-title">{t('parts.underConstruction')}</p>
        <p>{t('parts.comeBack')}</p>
      </div>
      <p>
        <Link to={`/o/${org.id}`}>{t('common.backToHome')}</Link>
      </p>
    </>
  );
}
