import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { canOpenPeople } from '../access.ts';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import type { Organisation } from '../types.ts';

/** The same part of the app in the other organisation, when the person may see it there; else its start page. */
function targetPath(pathname: string, next: Organisation): string {
  const section = /^\/o\/[^/]+\/([^/]+)$/.exec(pathname)?.[1];
  const allowed =
    section === 'in-beeld' ||
    section === 'trajecten' ||
    section === 'kruisbestuiving' ||
    (section === 'people' && canOpenPeople(next)) ||
    (section === 'audit' && next.can.viewAudit);
  return allowed ? `/o/${next.id}/${section}` : `/o/${next.id}`;
}

/** Choose the organisation to work in; with only one there is nothing to choose, so it is plain text. */
export function OrganisationSwitcher({ org }: { org: Organisation }) {
  const { t } = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const id = useId();

  if (me.organisations.length <= 1) {
    return (
      <div className="context-item">
        <span className="context-label">{t('header.organisation')}</span>
        <span className="context-value">{org.name}</span>
      </div>
    );
  }
  return (
    <div className="context-item">
      <label className="context-label" htmlFor={id}>
        {t('header.organisation')}
      </label>
      <select
        id={id}
        value={org.id}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = me.organisations.find((o) => o.id === event.target.value);
          if (next) navigate(targetPath(pathname, next));
        }}
      >
        {me.organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <span className="visually-hidden" id={`${id}-hint`}>
        {t('header.organisationHint')}
      </span>
    </div>
  );
}
