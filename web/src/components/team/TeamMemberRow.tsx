import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { isPosition, type Organisation, positions, type TeamMember } from '../../types.ts';

type Props = {
  org: Organisation;
  teamId: string;
  member: TeamMember;
  isMe: boolean;
  canManage: boolean;
  onSaved: (message: string) => void;
  onRemove: (member: TeamMember) => void;
};

/** One person in a team with their position; managers change the position or take them out. */
export function TeamMemberRow({ org, teamId, member, isMe, canManage, onSaved, onRemove }: Props) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const id = useId();
  const [position, setPosition] = useState(member.position);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (position === member.position) {
      onSaved(t('team.positionUnchanged', { name: member.displayName, position: t(`positions.${position}`) }));
      return;
    }
    setBusy(true);
    try {
      await api.put(apiPath`/api/orgs/${org.id}/teams/${teamId}/members/${member.userId}`, { position });
      await revalidate();
      onSaved(t('team.positionSaved', { name: member.displayName, position: t(`positions.${position}`) }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row" data-label={t('team.name')}>
        {member.displayName}
        {isMe && <span className="tag">{t('people.members.you')}</span>}
      </th>
      <td data-label={t('team.position')}>
        {canManage ? (
          <form className="inline-form" onSubmit={save} aria-busy={busy || undefined}>
            <label htmlFor={`${id}-position`} className="visually-hidden">
              {t('team.positionOf', { name: member.displayName })}
            </label>
            <select
              id={`${id}-position`}
              value={position}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => {
                if (isPosition(event.target.value)) setPosition(event.target.value);
                setError(null);
              }}
            >
              {positions.map((p) => (
                <option key={p} value={p}>
                  {t(`positions.${p}`)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button-secondary button-small"
              aria-label={`${t('common.save')}: ${t('team.positionOf', { name: member.displayName })}`}
            >
              {t('common.save')}
            </button>
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
          </form>
        ) : (
          t(`positions.${member.position}`)
        )}
      </td>
      {canManage && (
        <td data-label={t('common.actions')}>
          <button
            type="button"
            className="button button-danger-outline button-small"
            onClick={() => onRemove(member)}
            aria-label={`${t('team.remove')}: ${member.displayName}`}
          >
            {t('team.remove')}
          </button>
        </td>
      )}
    </tr>
  );
}
