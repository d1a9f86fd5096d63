import { useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { canOpenPeople, requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { AddTeamMemberForm } from '../components/team/AddTeamMemberForm.tsx';
import { TeamMemberRow } from '../components/team/TeamMemberRow.tsx';
import { useRevalidate } from '../hooks/useRevalidate.ts';
import { useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import type { Member, Team, TeamMember } from '../types.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const [team, orgMembers] = await Promise.all([
    api.get<{ team: Team; members: TeamMember[] }>(apiPath`/api/orgs/${org.id}/teams/${params.teamId ?? ''}/members`, options),
    org.can.manageTeams ? api.get<{ members: Member[] }>(apiPath`/api/orgs/${org.id}/members`, options) : null,
  ]);
  return { team: team.team, members: team.members, orgMembers: orgMembers?.members ?? null };
}

/** Who is in one team, with which position; managers add, change and remove people here. */
export function Component() {
  const { t, i18n } = useT();
  const me = useMe();
  const org = useOrganisation();
  const { team, members, orgMembers } = useLoaderData<typeof loader>();
  const revalidate = useRevalidate();
  const manage = org.can.manageTeams;
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...members].sort((a, b) => a.displayName.localeCompare(b.displayName, i18n.resolvedLanguage));

  const remove = async () => {
    if (!removing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/teams/${team.id}/members/${removing.userId}`);
      await revalidate();
      setStatus(t('team.removed', { name: removing.displayName }));
      setRemoving(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {canOpenPeople(org) && (
        <p className="back-link">
          <Link to={`/o/${org.id}/people`}>{t('team.back')}</Link>
        </p>
      )}
      <PageTitle text={team.name} />
      <p className="lead">{t('team.intro', { organisation: org.name })}</p>
      <section className="section" aria-labelledby="team-members-heading">
        <h2 id="team-members-heading" ref={heading} tabIndex={-1}>
          {t('team.membersHeading')}
        </h2>
        <StatusMessage message={status} />
        {sorted.length === 0 ? (
          <p>{t('team.empty')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('team.caption', { name: team.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.name')}</th>
                <th scope="col">{t('team.position')}</th>
                {manage && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((member) => (
                <TeamMemberRow
                  key={member.userId}
                  org={org}
                  teamId={team.id}
                  member={member}
                  isMe={member.userId === me.user.id}
                  canManage={manage}
                  onSaved={setStatus}
                  onRemove={(m) => {
                    setError(null);
                    setStatus(null);
                    setRemoving(m);
                  }}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {manage && orgMembers && <AddTeamMemberForm org={org} teamId={team.id} orgMembers={orgMembers} teamMembers={members} />}
      <ConfirmDialog
        open={removing !== null}
        title={t('team.confirmTitle', { name: removing?.displayName ?? '', team: team.name })}
        confirmLabel={t('team.confirm')}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>{t('team.confirmText', { name: removing?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
