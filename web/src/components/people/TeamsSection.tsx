import { useRef, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import type { Organisation, Team } from '../../types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { CreateTeamForm } from './CreateTeamForm.tsx';
import { TeamRow } from './TeamRow.tsx';

/** The teams of the organisation; administrators and coordinators make, rename and delete them. */
export function TeamsSection({ org, teams, canManage }: { org: Organisation; teams: Team[]; canManage: boolean }) {
  const { t, i18n } = useT();
  const revalidate = useRevalidate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name, i18n.resolvedLanguage));

  const remove = async () => {
    if (!deleting || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/teams/${deleting.id}`);
      await revalidate();
      setStatus(t('people.teams.deleted', { name: deleting.name }));
      setDeleting(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="teams-heading">
      <h2 id="teams-heading" ref={heading} tabIndex={-1}>
        {t('people.teams.heading')}
      </h2>
      <StatusMessage message={status} />
      {sorted.length === 0 ? (
        <p>{t('people.teams.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('people.teams.caption', { organisation: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.teams.name')}</th>
              <th scope="col">{t('people.teams.members')}</th>
              {canManage && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((team) => (
              <TeamRow
                key={team.id}
                org={org}
                team={team}
                canManage={canManage}
                onSaved={setStatus}
                onDelete={(chosen) => {
                  setError(null);
                  setStatus(null);
                  setDeleting(chosen);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {canManage && <CreateTeamForm org={org} />}
      <ConfirmDialog
        open={deleting !== null}
        title={t('people.teams.confirmTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('people.teams.confirm')}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>{t('people.teams.confirmText', { count: deleting?.memberCount ?? 0 })}</p>
      </ConfirmDialog>
    </section>
  );
}
