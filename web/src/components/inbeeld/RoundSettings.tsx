import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';
import { isIsoDate } from './dates.ts';
import type { Round } from './types.ts';

/** Close the round, open it again, or move its closing date. */
export function RoundSettings({ org, round, onChanged }: { org: Organisation; round: Round; onChanged: (round: Round) => void }) {
  const { t } = useT();
  const lang = currentLanguage();
  const [closesOn, setClosesOn] = useState(round.closesOn);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const patch = async (changes: { closesOn?: string; status?: 'open' | 'closed' }): Promise<Round | null> => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const updated = await api.patch<Round>(apiPath`/api/orgs/${org.id}/rounds/${round.id}`, changes);
      onChanged(updated);
      return updated;
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') });
      setError(failure);
      setDateError(failure.issueFor('closesOn'));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveDate = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!isIsoDate(closesOn)) {
      setDateError(t('inBeeld.newRound.closesOnInvalid'));
      return;
    }
    setDateError(undefined);
    const updated = await patch({ closesOn });
    if (updated) setStatus(t('inBeeld.round.dateSaved', { date: formatDate(updated.closesOn, lang) }));
  };

  const setOpen = async (open: boolean) => {
    const updated = await patch({ status: open ? 'open' : 'closed' });
    if (!updated) return;
    setClosing(false);
    setStatus(
      updated.status === 'closed'
        ? t('inBeeld.round.closedNow')
        : updated.open
          ? t('inBeeld.round.reopened')
          : t('inBeeld.round.reopenedButPast', { date: formatDate(updated.closesOn, lang) }),
    );
  };

  return (
    <section className="section" aria-labelledby="round-settings-heading">
      <h2 id="round-settings-heading" ref={heading} tabIndex={-1}>
        {t('inBeeld.round.settingsHeading')}
      </h2>
      <ErrorAlert message={error && !dateError ? error.message : null} requestId={error?.requestId} />
      <StatusMessage message={status} />
      <form className="inline-form date-form" noValidate onSubmit={saveDate} aria-busy={busy || undefined}>
        <TextField
          type="date"
          label={t('inBeeld.round.closesOnLabel')}
          hint={t('inBeeld.round.closesOnHint')}
          value={closesOn}
          onChange={(event) => setClosesOn(event.target.value)}
          error={dateError}
        />
        <button type="submit" className="button button-secondary">
          {t('inBeeld.round.saveDate')}
        </button>
      </form>
      <div className="button-row">
        {round.status === 'open' ? (
          <button type="button" className="button button-danger-outline" onClick={() => setClosing(true)}>
            {t('inBeeld.round.close')}
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => void setOpen(true)} aria-disabled={busy || undefined}>
            {t('inBeeld.round.reopen')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={closing}
        title={t('inBeeld.round.closeTitle', { name: round.name })}
        confirmLabel={t('inBeeld.round.closeConfirm')}
        onConfirm={() => void setOpen(false)}
        onCancel={() => setClosing(false)}
        busy={busy}
        error={error?.message ?? null}
        focusAfterConfirm={heading}
      >
        <p>{t('inBeeld.round.closeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
