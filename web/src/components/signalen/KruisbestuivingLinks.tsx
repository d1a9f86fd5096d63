import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import type { MyCoding } from './types.ts';

/** On the Kruisbestuiving page: the way to signals to policy and, for researchers and invited co-researchers, to coding. */
export function KruisbestuivingLinks({ org }: { org: Organisation }) {
  const { t } = useT();
  const base = `/o/${org.id}/kruisbestuiving`;
  const researches = org.can.workCoding;
  const [coResearcher, setCoResearcher] = useState(false);
  useEffect(() => {
    if (org.role !== 'member') return;
    const controller = new AbortController();
    api
      .get<MyCoding>(apiPath`/api/orgs/${org.id}/coding/me`, { signal: controller.signal })
      .then((me) => setCoResearcher(me.coResearcher))
      .catch(() => setCoResearcher(false));
    return () => controller.abort();
  }, [org.id, org.role]);
  return (
    <nav aria-label={t('signalen.links.label')}>
      <ul className="link-list">
        <li>
          <Link to={`${base}/signalen`}>{t('signalen.links.signals')}</Link>
        </li>
        {(researches || coResearcher) && (
          <li>
            <Link to={`${base}/codering`}>{t('signalen.links.coding')}</Link>
          </li>
        )}
        {org.can.viewCodingFrequencies && !researches && (
          <li>
            <Link to={`${base}/codering/frequenties`}>{t('signalen.links.frequencies')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
