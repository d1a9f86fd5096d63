import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { copyText } from '../../lib/copy-text.ts';
import type { CreatedInvitation } from '../../types.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

/**
 * The one-time invitation link, shown once, right after it was made. The server keeps only a hash,
 * so it cannot be shown again: the text says so.
 */
export function InvitationLink({ created }: { created: CreatedInvitation }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (created) heading.current?.focus();
  }, [created]);

  const onCopy = async () => {
    setCopy('idle');
    const ok = await copyText(created.link, input.current);
    if (!ok) {
      input.current?.focus();
      input.current?.select();
    }
    setCopy(ok ? 'copied' : 'failed');
  };

  return (
    <section className="invite-result" aria-labelledby="invite-result-heading">
      <h3 id="invite-result-heading" ref={heading} tabIndex={-1}>
        {t('people.invite.readyHeading')}
      </h3>
      <p>
        {t('people.invite.readyText', {
          email: created.invitation.email,
          date: formatDateTime(created.invitation.expiresAt, currentLanguage()),
        })}
      </p>
      <TextField
        ref={input}
        label={t('people.invite.linkLabel')}
        value={created.link}
        readOnly
        className="field-wide"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onCopy}>
          {t('people.invite.copy')}
        </button>
      </div>
      <StatusMessage message={copy === 'copied' ? t('people.invite.copied') : copy === 'failed' ? t('people.invite.copyFailed') : null} />
    </section>
  );
}
