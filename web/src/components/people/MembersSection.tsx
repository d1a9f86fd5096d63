import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../session.ts';
import type { Member, Organisation } from '../../types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { type AccountAction, MemberAccountDialogs } from './MemberAccountDialogs.tsx';
import { MemberRow } from './MemberRow.tsx';

/** Everyone in the organisation with their role. Administrators change roles, and remove or erase people here. */
export function MembersSection({ org, members, canManage, byMail = false }: { org: Organisation; members: Member[]; canManage: boolean; byMail?: boolean }) {
  const { t, i18n } = useT();
  const me = useMe();
  const navigate = useNavigate();
  const revalidate = useRevalidate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [erasing, setErasing] = useState<Member | null>(null);
  const [accountAction, setAccountAction] = useState<AccountAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...members].sort((a, b) => a.displayName.localeCompare(b.displayName, i18n.resolvedLanguage));

  const remove = async () => {
    if (!removing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(apiPath`/api/orgs/${org.id}/members/${removing.userId}`);
      if (removing.userId === me.user.id) {
        // You just left this organisation; its pages are no longer yours.
        navigate('/', { replace: true });
        return;
      }
      await revalidate();
      setStatus(t('people.members.removed', { name: removing.displayName, organisation: org.name }));
      setRemoving(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    if (!erasing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(apiPath`/api/orgs/${org.id}/members/${erasing.userId}/erase`, {});
      await revalidate();
      setStatus(t('people.members.erased', { name: erasing.displayName }));
      setErasing(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading" ref={heading} tabIndex={-1}>
        {t('people.members.heading')}
      </h2>
      {!canManage && <p>{t('people.members.readOnly')}</p>}
      <StatusMessage message={status} />
      {sorted.length === 0 ? (
        <p>{t('people.members.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('people.members.caption', { organisation: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.members.name')}</th>
              <th scope="col">{t('people.members.email')}</th>
              <th scope="col">{t('people.members.role')}</th>
              {canManage && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((member) => (
              <MemberRow
                key={member.userId}
                org={org}
                member={member}
                isMe={member.userId === me.user.id}
                canManage={canManage}
                onSaved={setStatus}
                onRemove={(m) => {
                  setError(null);
                  setStatus(null);
                  setRemoving(m);
                }}
                onErase={(m) => {
                  setError(null);
                  setStatus(null);
                  setErasing(m);
                }}
                onAccountAction={(action) => {
                  setStatus(null);
                  setAccountAction(action);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('people.members.confirmTitle', { name: removing?.displayName ?? '' })}
        confirmLabel={t('people.members.confirm')}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>
          {removing?.userId === me.user.id
            ? t('people.members.confirmSelf', { organisation: org.name })
            : t('people.members.confirmText', { name: removing?.displayName ?? '', organisation: org.name })}
        </p>
      </ConfirmDialog>
      <MemberAccountDialogs
        org={org}
        action={accountAction}
        byMail={byMail}
        onClose={() => setAccountAction(null)}
        onDone={setStatus}
        focusAfterConfirm={heading}
      />
      <ConfirmDialog
        open={erasing !== null}
        title={t('people.members.eraseTitle', { name: erasing?.displayName ?? '' })}
        confirmLabel={t('people.members.eraseConfirm')}
        onConfirm={erase}
        onCancel={() => setErasing(null)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>{t('people.members.eraseText', { name: erasing?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
