import type { RefObject } from 'react';
import { useT } from '../../i18n.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ImportProgress } from '../inbeeld/ImportParts.tsx';
import type { ImportPreview } from '../inbeeld/importing.ts';
import type { Busy } from './import-state.ts';

/** Step 3: import every valid row at once, after a confirmation; or why not yet. */
export function CommitStep(props: {
  preview: ImportPreview;
  roundName: string;
  blocked: string | null;
  blockedId: string;
  busy: Busy | null;
  busyLabel: string;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  commit: () => Promise<void>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useT();
  const { preview, roundName, blocked, blockedId, busy, busyLabel, confirming, setConfirming, commit, headingRef } = props;
  return (
    <section className="section" aria-labelledby="import-commit-heading">
      <h2 id="import-commit-heading" ref={headingRef} tabIndex={-1}>
        {t('inBeeld.import.step3')}
      </h2>
      {blocked ? (
        <p className="field-hint" id={blockedId}>
          {blocked}
        </p>
      ) : (
        <p>{t('inBeeld.import.ready', { count: preview.counts.valid })}</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={blocked ? true : undefined}
          aria-describedby={blocked ? blockedId : undefined}
          onClick={() => {
            if (!blocked) setConfirming(true);
          }}
        >
          {t('inBeeld.import.import')}
        </button>
      </div>
      {busy && busy.purpose === 'import' && <ImportProgress label={busyLabel} progress={busy.progress} />}
      <ConfirmDialog
        open={confirming}
        title={t('inBeeld.import.confirmTitle', { count: preview.counts.valid })}
        confirmLabel={t('inBeeld.import.confirm')}
        onConfirm={() => void commit()}
        onCancel={() => setConfirming(false)}
        focusAfterConfirm={headingRef}
      >
        <p>{t('inBeeld.import.confirmText', { count: preview.counts.valid, round: roundName })}</p>
      </ConfirmDialog>
    </section>
  );
}
