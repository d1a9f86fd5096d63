import { Link, useSearchParams } from 'react-router';
import { useOrganisation } from '../access.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import type { Part } from '../components/PartPlaceholder.tsx';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';

/** `built`: the part can be used; the others say honestly that they are still being built. */
const parts: Array<{ part: Part; path: string; built: boolean }> = [
  { part: 'inBeeld', path: 'in-beeld', built: true },
  { part: 'trajecten', path: 'trajecten', built: false },
  { part: 'kruisbestuiving', path: 'kruisbestuiving', built: true },
];

/** The start page of an organisation: what the platform is for, and its three parts. */
export function Component() {
  const { t } = useT();
  const me = useMe();
  const org = useOrganisation();
  const [searchParams] = useSearchParams();
  const team = searchParams.get('team');
  const search = team ? `?${new URLSearchParams({ team })}` : '';

  return (
    <>
      <PageTitle text={t('home.title', { name: me.user.displayName })} />
      <p className="lead">{t('home.intro')}</p>
      <p className="meta">{t('home.context', { organisation: org.name, sector: t(`sectors.${org.sector}`), role: t(`roles.${org.role}`) })}</p>
      <h2>{t('home.partsHeading')}</h2>
      <ul className="cards">
        {parts.map(({ part, path, built }) => (
          <li key={part} className="card">
            <h3>
              <Link className="card-link" to={{ pathname: `/o/${org.id}/${path}`, search }}>
                {t(`parts.${part}.title`)}
              </Link>
            </h3>
            <p>{built ? t(`home.cardsBuilt.${part as 'inBeeld' | 'kruisbestuiving'}`) : t(`home.cards.${part}`)}</p>
            {!built && <p className="card-status">{t('home.inProgress')}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
