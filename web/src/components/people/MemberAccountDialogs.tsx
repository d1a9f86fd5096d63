import { type RefObject, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import type { Member, Organisation } from '../../types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ResetLink, type ResetLinkShown } from './ResetLink.tsx';

export type AccountAction = { kind: 'reset' | 'endSessions'; member: Member };

type Props = {
  org: Organisation;
  action: AccountAction | null;
  /** Whether the server sends e-mail: else the admin gets a link to hand over. */
  byMail: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
  focusAfterConfirm: RefObject<HTMLElement | null>;
};

/** An admin resets a member's password (by mail, or a link to hand over) or signs them out everywhere. */
export function MemberAccountDialogs({ org, action, byMail, onClose, onDone, focusAfterConfirm }: Props) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<ResetLinkShown | null>(null);
  const name = action?.member.displayName ?? '';

  const confirm = async () => {
    if (!action || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (action.kind === 'reset') {
        const result = await api.post<{ sent: boolean; link?: string; expiresAt?: string }>(
          apiPath`/api/orgs/${org.id}/members/${action.member.userId}/password-reset`,
        );
        if (result.sent) onDone(t('account.admin.resetSent', { name }));
        else if (result.link && result.expiresAt) setLink({ name, link: result.link, expiresAt: result.expiresAt });
      } else {
        const { ended } = await api.delete<{ ended: number }>(apiPath`/api/orgs/${org.id}/members/${action.member.userId}/sessions`);
        onDone(t('account.admin.endedSessions', { name, count: ended }));
      }
      onClose();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setError(null);
    onClose();
  };

  return (
    <>
      {link && <ResetLink shown={link} />}
      <ConfirmDialog
        open={action?.kind === 'reset'}
        title={t('account.admin.resetTitle', { name })}
        confirmLabel={t('account.admin.resetConfirm')}
        onConfirm={() => {
          setLink(null);
          void confirm();
        }}
        onCancel={cancel}
        busy={busy}
        error={error}
        focusAfterConfirm={focusAfterConfirm}
      >
        <p>{t(byMail ? 'account.admin.resetTextMail' : 'account.admin.resetTextLink', { name })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={action?.kind === 'endSessions'}
        title={t('account.admin.endSessionsTitle', { name })}
        confirmLabel={t('account.admin.endSessionsConfirm')}
        onConfirm={confirm}
        onCancel={cancel}
        busy={busy}
        error={error}
        focusAfterConfirm={focusAfterConfirm}
      >
        <p>{t('account.admin.endSessionsText', { name })}</p>
      </ConfirmDialog>
    </>
  );
}
