import { useRef, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Invitation, Organisation, Team } from '../../types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

/** Invitations nobody has used yet; an administrator can take one back so the link stops working. */
export function InvitationsSection({ org, invitations, teams }: { org: Organisation; invitations: Invitation[]; teams: Team[] }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = invitations.filter((invitation) => invitation.status === 'open').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const teamName = (id: string | null) => (id ? (teams.find((team) => team.id === id)?.name ?? t('people.invitations.unknownTeam')) : '—');
  const language = currentLanguage();

  const revoke = async () => {
    if (!revoking || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/invitations/${revoking.id}`);
      await revalidate();
      setStatus(t('people.invitations.revoked', { email: revoking.email }));
      setRevoking(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" ref={heading} tabIndex={-1}>
        {t('people.invitations.heading')}
      </h2>
      <StatusMessage message={status} />
      {open.length === 0 ? (
        <p>{t('people.invitations.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('people.invitations.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.invitations.email')}</th>
              <th scope="col">{t('people.invitations.role')}</th>
              <th scope="col">{t('people.invitations.team')}</th>
              <th scope="col">{t('people.invitations.expires')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row" data-label={t('people.invitations.email')} className="cell-break">
                  {invitation.email}
                </th>
                <td data-label={t('people.invitations.role')}>{t(`roles.${invitation.role}`)}</td>
                <td data-label={t('people.invitations.team')}>
                  {teamName(invitation.teamId)}
                  {invitation.position && ` (${t(`positions.${invitation.position}`)})`}
                </td>
                <td data-label={t('people.invitations.expires')}>
                  <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt, language)}</time>
                </td>
                <td data-label={t('common.actions')}>
                  <button
                    type="button"
                    className="button button-danger-outline button-small"
                    onClick={() => {
                      setError(null);
                      setStatus(null);
                      setRevoking(invitation);
                    }}
                    aria-label={`${t('people.invitations.revoke')}: ${invitation.email}`}
                  >
                    {t('people.invitations.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('people.invitations.confirmTitle', { email: revoking?.email ?? '' })}
        confirmLabel={t('people.invitations.confirm')}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>{t('people.invitations.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
