import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { type CreatedInvitation, isPosition, isRole, type Organisation, type Position, positions, type Role, roles, type Team } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import { InvitationLink } from './InvitationLink.tsx';

const fields = ['email', 'role', 'teamId', 'position'] as const;
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** An administrator invites someone: they get a one-time link to pass on themselves. */
export function InviteForm({ org, teams }: { org: Organisation; teams: Team[] }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [teamId, setTeamId] = useState('');
  const [position, setPosition] = useState<Position>('practitioner');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = email.trim();
    const ok = check({
      email: trimmed === '' ? t('people.invite.emailRequired') : looksLikeEmail(trimmed) ? undefined : t('people.invite.emailInvalid'),
    });
    if (!ok) return;
    setBusy(true);
    setCreated(null);
    try {
      const body = teamId ? { email: trimmed, role, teamId, position } : { email: trimmed, role };
      const result = await api.post<CreatedInvitation>(apiPath`/api/orgs/${org.id}/invitations`, body);
      setEmail('');
      setRole('member');
      setTeamId('');
      setPosition('practitioner');
      setCreated(result);
      await revalidate();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('people.invite.heading')}</h2>
      <p>{t('people.invite.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField
          label={t('people.invite.email')}
          type="email"
          name="email"
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
        />
        <SelectField
          label={t('people.invite.role')}
          hint={t('people.invite.roleHint')}
          name="role"
          value={role}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          error={fieldErrors.role}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('people.invite.team')}
          hint={t('people.invite.teamHint')}
          name="teamId"
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
          error={fieldErrors.teamId}
        >
          <option value="">{t('people.invite.noTeam')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        {teamId && (
          <SelectField
            label={t('people.invite.position')}
            name="position"
            value={position}
            onChange={(event) => {
              if (isPosition(event.target.value)) setPosition(event.target.value);
            }}
            error={fieldErrors.position}
          >
            {positions.map((p) => (
              <option key={p} value={p}>
                {t(`positions.${p}`)}
              </option>
            ))}
          </SelectField>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('people.invite.submit')}
          </button>
        </div>
      </form>
      {created && <InvitationLink created={created} />}
    </section>
  );
}
