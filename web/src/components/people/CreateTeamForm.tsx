import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import type { Organisation, Team } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

const fields = ['name'] as const;

export function CreateTeamForm({ org }: { org: Organisation }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const trimmed = name.trim();
    if (!check({ name: trimmed === '' ? t('people.teams.nameRequired') : undefined })) return;
    setBusy(true);
    try {
      const team = await api.post<Team>(apiPath`/api/orgs/${org.id}/teams`, { name: trimmed });
      await revalidate();
      setName('');
      setStatus(t('people.teams.created', { name: team.name }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="create-team-heading" aria-busy={busy || undefined}>
      <h3 id="create-team-heading">{t('people.teams.createHeading')}</h3>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <TextField
        label={t('people.teams.nameLabel')}
        name="name"
        maxLength={100}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldErrors.name}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('people.teams.create')}
        </button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
