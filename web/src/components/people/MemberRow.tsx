import { api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { isRole, type Member, type Organisation, roles } from '../../types.ts';
import { InlineChoiceForm } from '../InlineChoiceForm.tsx';
import type { AccountAction } from './MemberAccountDialogs.tsx';

type Props = {
  org: Organisation;
  member: Member;
  isMe: boolean;
  canManage: boolean;
  onSaved: (message: string) => void;
  onRemove: (member: Member) => void;
  onErase: (member: Member) => void;
  onAccountAction: (action: AccountAction) => void;
};

/** One member in the members table; an administrator can change the role, reset the password, sign them out everywhere, or start removing or erasing them. */
export function MemberRow({ org, member, isMe, canManage, onSaved, onRemove, onErase, onAccountAction }: Props) {
  const { t } = useT();
  const revalidate = useRevalidate();

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
          <InlineChoiceForm
            current={member.role}
            options={roles}
            optionLabel={(role) => t(`roles.${role}`)}
            isOption={isRole}
            label={t('people.members.roleOf', { name: member.displayName })}
            save={async (role) => {
              await api.patch(apiPath`/api/orgs/${org.id}/members/${member.userId}`, { role });
              await revalidate();
            }}
            message={(role, changed) =>
              t(changed ? 'people.members.roleSaved' : 'people.members.roleUnchanged', { name: member.displayName, role: t(`roles.${role}`) })
            }
            onSaved={onSaved}
          />
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
          {!isMe && (
            <>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onAccountAction({ kind: 'reset', member })}
                aria-label={t('account.admin.resetLabel', { name: member.displayName })}
              >
                {t('account.admin.reset')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onAccountAction({ kind: 'endSessions', member })}
                aria-label={t('account.admin.endSessionsLabel', { name: member.displayName })}
              >
                {t('account.admin.endSessions')}
              </button>
            </>
          )}
          {!isMe && (
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() => onErase(member)}
              aria-label={t('people.members.eraseLabel', { name: member.displayName })}
            >
              {t('people.members.erase')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
