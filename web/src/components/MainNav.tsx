import { NavLink, useSearchParams } from 'react-router';
import { canOpenPeople } from '../access.ts';
import { useT } from '../i18n.ts';
import type { Organisation } from '../types.ts';

/** The main menu. The chosen team (?team=) goes along to every page. */
export function MainNav({ org }: { org: Organisation }) {
  const { t } = useT();
  const [searchParams] = useSearchParams();
  const team = searchParams.get('team');
  const search = team ? `?${new URLSearchParams({ team })}` : '';
  const base = `/o/${org.id}`;
  const items = [
    { to: base, label: t('nav.home'), end: true },
    { to: `${base}/in-beeld`, label: t('nav.inBeeld') },
    { to: `${base}/trajecten`, label: t('nav.trajecten') },
    { to: `${base}/kruisbestuiving`, label: t('nav.kruisbestuiving') },
    { to: `${base}/ontmoetingen`, label: t('nav.meetings') },
    ...(canOpenPeople(org) ? [{ to: `${base}/people`, label: t('nav.people') }] : []),
    ...(org.can.viewAudit ? [{ to: `${base}/audit`, label: t('nav.audit') }] : []),
    ...(org.can.manageOrganisation ? [{ to: `${base}/organisatie`, label: t('nav.orgSettings') }] : []),
  ];
  return (
    <nav className="main-nav" aria-label={t('header.mainNav')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={{ pathname: item.to, search }} end={item.end ?? false}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
