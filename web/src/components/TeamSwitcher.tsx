import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import type { Organisation } from '../types.ts';

/** Choose one of your teams in this organisation, or all teams. The choice lives in the address (?team=). */
export function TeamSwitcher({ org }: { org: Organisation }) {
  const { t } = useT();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const id = useId();
  const teams = me.teams.filter((team) => team.organisationId === org.id);
  const chosen = searchParams.get('team');
  const value = teams.some((team) => team.id === chosen) ? (chosen ?? '') : '';

  return (
    <div className="context-item">
      <label className="context-label" htmlFor={id}>
        {t('header.team')}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const teamId = event.target.value;
          setSearchParams((previous) => {
            const next = new URLSearchParams(previous);
            if (teamId) next.set('team', teamId);
            else next.delete('team');
            return next;
          });
        }}
      >
        <option value="">{t('header.allTeams')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <span className="visually-hidden" id={`${id}-hint`}>
        {t('header.teamHint')}
      </span>
    </div>
  );
}
