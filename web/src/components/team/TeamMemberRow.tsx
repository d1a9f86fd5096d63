import { api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { isPosition, type Organisation, positions, type TeamMember } from '../../types.ts';
import { InlineChoiceForm } from '../InlineChoiceForm.tsx';

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

  return (
    <tr>
      <th scope="row" data-label={t('team.name')}>
        {member.displayName}
        {isMe && <span className="tag">{t('people.members.you')}</span>}
        {member.selfJoined && <span className="tag">{t('team.selfJoined')}</span>}
      </th>
      <td data-label={t('team.position')}>
        {canManage ? (
          <InlineChoiceForm
            current={member.position}
            options={positions}
            optionLabel={(position) => t(`positions.${position}`)}
            isOption={isPosition}
            label={t('team.positionOf', { name: member.displayName })}
            save={async (position) => {
              await api.put(apiPath`/api/orgs/${org.id}/teams/${teamId}/members/${member.userId}`, { position });
              await revalidate();
            }}
            message={(position, changed) =>
              t(changed ? 'team.positionSaved' : 'team.positionUnchanged', { name: member.displayName, position: t(`positions.${position}`) })
            }
            onSaved={onSaved}
          />
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
