import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { canOpenPeople, requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { InvitationsSection } from '../components/people/InvitationsSection.tsx';
import { InviteForm } from '../components/people/InviteForm.tsx';
import { MembersSection } from '../components/people/MembersSection.tsx';
import { TeamsSection } from '../components/people/TeamsSection.tsx';
import { useT } from '../i18n.ts';
import type { Invitation, Member, Team } from '../types.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, canOpenPeople);
  const base = apiPath`/api/orgs/${org.id}`;
  const options = { signal: request.signal };
  const [members, teams, invitations, passwordReset] = await Promise.all([
    org.can.viewMembers ? api.get<{ members: Member[] }>(`${base}/members`, options) : null,
    api.get<{ teams: Team[] }>(`${base}/teams`, options),
    org.can.manageInvitations ? api.get<{ invitations: Invitation[] }>(`${base}/invitations`, options) : null,
    org.can.manageMembers ? api.get<{ byMail: boolean }>('/api/auth/password-reset', options) : null,
  ]);
  return {
    members: members?.members ?? null,
    teams: teams.teams,
    invitations: invitations?.invitations ?? null,
    byMail: passwordReset?.byMail ?? false,
  };
}

/** Members, invitations and teams of the organisation. What you can change depends on your role. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { members, teams, invitations, byMail } = useLoaderData<typeof loader>();
  const manageMembers = org.can.manageMembers;

  return (
    <>
      <PageTitle text={t('people.title')} />
      <p className="lead">{t(manageMembers ? 'people.intro' : 'people.introCoordinator', { organisation: org.name })}</p>
      {members && <MembersSection org={org} members={members} canManage={manageMembers} byMail={byMail} />}
      {org.can.manageInvitations && <InviteForm org={org} teams={teams} />}
      {invitations && <InvitationsSection org={org} invitations={invitations} teams={teams} />}
      <TeamsSection org={org} teams={teams} canManage={org.can.manageTeams} />
    </>
  );
}
