import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { isPosition, type Member, type Organisation, type Position, positions, type TeamMember } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

const fields = ['userId', 'position'] as const;

type Props = { org: Organisation; teamId: string; orgMembers: Member[]; teamMembers: TeamMember[] };

/** Adds a member of the organisation to this team with a position. */
export function AddTeamMemberForm({ org, teamId, orgMembers, teamMembers }: Props) {
  const { t, i18n } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [userId, setUserId] = useState('');
  const [position, setPosition] = useState<Position>('practitioner');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const inTeam = new Set(teamMembers.map((m) => m.userId));
  const candidates = orgMembers.filter((m) => !inTeam.has(m.userId)).sort((a, b) => a.displayName.localeCompare(b.displayName, i18n.resolvedLanguage));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    if (!check({ userId: userId === '' ? t('team.add.memberRequired') : undefined })) return;
    const person = candidates.find((m) => m.userId === userId);
    setBusy(true);
    try {
      await api.put(apiPath`/api/orgs/${org.id}/teams/${teamId}/members/${userId}`, { position });
      await revalidate();
      setUserId('');
      setStatus(t('team.added', { name: person?.displayName ?? '', position: t(`positions.${position}`) }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('team.add.heading')}</h2>
      <StatusMessage message={status} />
      {candidates.length === 0 ? (
        <p>{t('team.add.allIn')}</p>
      ) : (
        <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
          <ErrorAlert key={attempt} message={formError?.message ?? null} />
          <SelectField label={t('team.add.member')} name="userId" value={userId} onChange={(event) => setUserId(event.target.value)} error={fieldErrors.userId}>
            <option value="">{t('team.add.choose')}</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName} ({m.email})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('team.add.position')}
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
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('team.add.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
