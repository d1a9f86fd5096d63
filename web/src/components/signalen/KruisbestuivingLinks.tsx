import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';

/** On the Kruisbestuiving page: the way to signals to policy and, for researchers, to coding. */
export function KruisbestuivingLinks({ org }: { org: Organisation }) {
  const { t } = useT();
  const base = `/o/${org.id}/kruisbestuiving`;
  const researches = org.role === 'admin' || org.role === 'researcher';
  return (
    <nav aria-label={t('signalen.links.label')}>
      <ul className="link-list">
        <li>
          <Link to={`${base}/signalen`}>{t('signalen.links.signals')}</Link>
        </li>
        {researches && (
          <li>
            <Link to={`${base}/codering`}>{t('signalen.links.coding')}</Link>
          </li>
        )}
        {org.role === 'coordinator' && (
          <li>
            <Link to={`${base}/codering/frequenties`}>{t('signalen.links.frequencies')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
