import { type FormEvent, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Round } from '../inbeeld/types.ts';
import { StatusMessage } from '../StatusMessage.tsx';

/**
 * Whether open answers go into data exports. Respondents read this setting before they answer, so it
 * can be switched on only while nobody has answered yet; switching off is always possible.
 */
export function OpenTextSetting({ orgId, round, onChanged }: { orgId: string; round: Round; onChanged: (round: Round) => void }) {
  const { t } = useT();
  const [checked, setChecked] = useState(round.openTextExport);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // A hidden count (fewer than k) is more than 0 as far as anyone can tell.
  const locked = !round.openTextExport && (round.responses.started ?? 1) > 0;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const updated = await api.patch<Round>(apiPath`/api/orgs/${orgId}/rounds/${round.id}`, { openTextExport: checked });
      onChanged(updated);
      setStatus(t(updated.openTextExport ? 'exports.openText.savedOn' : 'exports.openText.savedOff'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="open-text-heading">
      <h2 id="open-text-heading">{t('exports.openText.heading')}</h2>
      <p id="open-text-hint">{locked ? t('exports.openText.locked') : t('exports.openText.hint')}</p>
      <StatusMessage message={status} />
      <ErrorAlert message={error?.issueFor('openTextExport') ?? error?.message ?? null} requestId={error?.requestId} />
      <form className="inline-form" onSubmit={save} noValidate aria-busy={busy || undefined}>
        <label className="choice">
          <input type="checkbox" checked={checked} disabled={locked} aria-describedby="open-text-hint" onChange={(event) => setChecked(event.target.checked)} />
          {t('exports.openText.label')}
        </label>
        {!locked && (
          <button type="submit" className="button button-secondary">
            {t('exports.openText.save')}
          </button>
        )}
      </form>
    </section>
  );
}
