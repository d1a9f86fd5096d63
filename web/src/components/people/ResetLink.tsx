import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { copyText } from '../../lib/copy-text.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';

export type ResetLinkShown = { name: string; link: string; expiresAt: string };

/**
 * A reset link for an admin to hand over when the server sends no e-mail: shown once (the server
 * keeps only its hash). It lets the person choose a password; the admin never sees one.
 */
export function ResetLink({ shown }: { shown: ResetLinkShown }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  const onCopy = async () => {
    setCopy('idle');
    const ok = await copyText(shown.link, input.current);
    if (!ok) {
      input.current?.focus();
      input.current?.select();
    }
    setCopy(ok ? 'copied' : 'failed');
  };

  return (
    <section className="invite-result" aria-labelledby="reset-link-heading">
      <h3 id="reset-link-heading" ref={heading} tabIndex={-1}>
        {t('account.admin.linkHeading', { name: shown.name })}
      </h3>
      <p>{t('account.admin.linkText', { name: shown.name, date: formatDateTime(shown.expiresAt, currentLanguage()) })}</p>
      <TextField
        ref={input}
        label={t('account.admin.linkLabel')}
        value={shown.link}
        readOnly
        className="field-wide"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onCopy}>
          {t('account.admin.copy')}
        </button>
      </div>
      <StatusMessage message={copy === 'copied' ? t('account.admin.copied') : copy === 'failed' ? t('account.admin.copyFailed') : null} />
    </section>
  );
}
