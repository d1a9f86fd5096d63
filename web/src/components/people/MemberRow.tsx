import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { isRole, type Member, type Organisation, roles } from '../../types.ts';

type Props = {
  org: Organisation;
  member: Member;
  isMe: boolean;
  canManage: boolean;
  onSaved: (message: string) => void;
  onRemove: (member: Member) => void;
};

/** One member in the members table; an administrator can change the role or start removing them. */
export function MemberRow({ org, member, isMe, canManage, onSaved, onRemove }: Props) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const id = useId();
  const [role, setRole] = useState(member.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (role === member.role) {
      onSaved(t('people.members.roleUnchanged', { name: member.displayName, role: t(`roles.${role}`) }));
      return;
    }
    setBusy(true);
    try {
      await api.patch(apiPath`/api/orgs/${org.id}/members/${member.userId}`, { role });
      await revalidate();
      onSaved(t('people.members.roleSaved', { name: member.displayName, role: t(`roles.${role}`) }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row" data-label={t('people.members.name')}>
        {member.displayName}
        {isMe && <span className="tag">{t('people.members.you')}</span>}
      </th>
      <td data-label={t('people.members.email')} className="cell-break">
        {member.email}
      </td>
      <td data-label={t('people.members.role')}>
        {canManage ? (
          <form className="inline-form" onSubmit={save} aria-busy={busy || undefined}>
            <label htmlFor={`${id}-role`} className="visually-hidden">
              {t('people.members.roleOf', { name: member.displayName })}
            </label>
            <select
              id={`${id}-role`}
              value={role}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => {
                if (isRole(event.target.value)) setRole(event.target.value);
                setError(null);
              }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button-secondary button-small"
              aria-label={`${t('common.save')}: ${t('people.members.roleOf', { name: member.displayName })}`}
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
          t(`roles.${member.role}`)
        )}
      </td>
      {canManage && (
        <td data-label={t('common.actions')}>
          <button
            type="button"
            className="button button-danger-outline button-small"
            onClick={() => onRemove(member)}
            aria-label={`${t('people.members.remove')}: ${member.displayName}`}
          >
            {t('people.members.remove')}
          </button>
        </td>
      )}
    </tr>
  );
}
