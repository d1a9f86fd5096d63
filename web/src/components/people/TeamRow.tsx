import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import type { Organisation, Team } from '../../types.ts';

type Props = {
  org: Organisation;
  team: Team;
  canManage: boolean;
  onSaved: (message: string) => void;
  onDelete: (team: Team) => void;
};

/** One team: a link to its page, its size, and (for managers) renaming in place and deleting. */
export function TeamRow({ org, team, canManage, onSaved, onDelete }: Props) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Into the field when renaming starts; back to the button when it ends.
  useEffect(() => {
    if (editing) input.current?.focus();
    else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('people.teams.nameRequired'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.patch(apiPath`/api/orgs/${org.id}/teams/${team.id}`, { name: trimmed });
      await revalidate();
      onSaved(t('people.teams.renamed', { name: trimmed }));
      setEditing(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.issueFor('name') ?? caught.message) : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row" data-label={t('people.teams.name')}>
        {editing ? (
          <form className="inline-form" onSubmit={save} aria-busy={busy || undefined}>
            <label htmlFor={`${id}-name`} className="visually-hidden">
              {t('people.teams.newName', { name: team.name })}
            </label>
            <input
              ref={input}
              id={`${id}-name`}
              type="text"
              value={name}
              maxLength={100}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button button-primary button-small">
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setName(team.name);
                setError(null);
                setEditing(false);
              }}
            >
              {t('common.cancel')}
            </button>
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
          </form>
        ) : (
          <Link to={`/o/${org.id}/teams/${team.id}`}>{team.name}</Link>
        )}
      </th>
      <td data-label={t('people.teams.members')}>{t('people.teams.memberCount', { count: team.memberCount })}</td>
      {canManage && (
        <td data-label={t('common.actions')}>
          {!editing && (
            <div className="button-group">
              <button
                ref={renameButton}
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setName(team.name);
                  setEditing(true);
                }}
                aria-label={`${t('people.teams.rename')}: ${team.name}`}
              >
                {t('people.teams.rename')}
              </button>
              <button
                type="button"
                className="button button-danger-outline button-small"
                onClick={() => onDelete(team)}
                aria-label={`${t('people.teams.delete')}: ${team.name}`}
              >
                {t('people.teams.delete')}
              </button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
