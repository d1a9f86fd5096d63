import { useEffect, useRef } from 'react';
import { useT } from '../../i18n.ts';

/** The recovery codes, shown this one time: the server keeps only their hashes. */
export function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby="recovery-codes-heading">
      <h3 id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        {t('factors.recovery.shownHeading')}
      </h3>
      <p>{t('factors.recovery.shownText')}</p>
      <ul className="recovery-codes" aria-label={t('factors.recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('factors.recovery.saved')}
        </button>
      </div>
    </section>
  );
}
