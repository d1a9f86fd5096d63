import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { PageTitle } from '../PageTitle.tsx';

/** The top of a page under Kruisbestuiving: a link back to it, the page title and a lead paragraph. */
export function KruisbestuivingSubpageHeader({ orgId, title, lead }: { orgId: string; title: string; lead: string }) {
  const { t } = useT();
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${orgId}/kruisbestuiving`}>{t('signalen.backToKruisbestuiving')}</Link>
      </p>
      <PageTitle text={title} />
      <p className="lead">{lead}</p>
    </>
  );
}
