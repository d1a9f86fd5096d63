import { type FormEvent, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { isIsoDate } from './dates.ts';
import type { ResultSharingMode, Round } from './types.ts';

const modes: ResultSharingMode[] = ['now', 'after_closing', 'from_date', 'not'];

/** Whether and when the people the round asked read its results (small groups hidden), and whether by a public link. */
export function ResultSharingSettings({ org, round, onChanged }: { org: Organisation; round: Round; onChanged: (round: Round) => void }) {
  const { t } = useT();
  const lang = currentLanguage();
  const [shared, setShared] = useState<ResultSharingMode>(round.results.shared);
  const [from, setFrom] = useState(round.results.from ?? '');
  const [audience, setAudience] = useState(round.results.audience);
  const [error, setError] = useState<ApiError | null>(null);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publicUrl = round.results.publicPath ? `${window.location.origin}${round.results.publicPath}` : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    if (shared === 'from_date' && !isIsoDate(from)) {
      setDateError(t('inBeeld.sharing.dateInvalid'));
      return;
    }
    setDateError(undefined);
    setBusy(true);
    setError(null);
    try {
      const updated = await api.patch<Round>(apiPath`/api/orgs/${org.id}/rounds/${round.id}`, {
        results: { shared, from: shared === 'from_date' ? from : null, audience },
      });
      onChanged(updated);
      setStatus(t('inBeeld.sharing.saved'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
    } finally {
      setBusy(false);
    }
  };

  const now = round.results;
  const summary =
    now.shared === 'from_date' && now.from
      ? t('inBeeld.sharing.summary.from_date', { date: formatDate(now.from, lang) })
      : t(`inBeeld.sharing.summary.${now.shared === 'from_date' ? 'not' : now.shared}`);

  return (
    <section className="section" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">{t('inBeeld.sharing.heading')}</h2>
      <p>{t('inBeeld.sharing.intro')}</p>
      <p>
        <strong>{summary}</strong>
      </p>
      {publicUrl && (
        <p>
          {t('inBeeld.sharing.publicLink')} <a href={publicUrl}>{publicUrl}</a>
        </p>
      )}
      <form className="form" noValidate onSubmit={save} aria-busy={busy || undefined}>
        <ErrorAlert message={error?.message ?? null} />
        <fieldset className="field">
          <legend>{t('inBeeld.sharing.whenLegend')}</legend>
          <div className="choice-list">
            {modes.map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="shared" value={mode} checked={shared === mode} onChange={() => setShared(mode)} />
                {t(`inBeeld.sharing.modes.${mode}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {shared === 'from_date' && (
          <div className="field">
            <label htmlFor="sharing-from">{t('inBeeld.sharing.fromLabel')}</label>
            {dateError && (
              <p className="field-error" id="sharing-from-error">
                {dateError}
              </p>
            )}
            <input
              id="sharing-from"
              type="date"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={dateError ? 'sharing-from-error' : undefined}
            />
          </div>
        )}
        <fieldset className="field">
          <legend>{t('inBeeld.sharing.whoLegend')}</legend>
          <div className="choice-list">
            <label className="choice">
              <input type="radio" name="audience" value="members" checked={audience === 'members'} onChange={() => setAudience('members')} />
              {t('inBeeld.sharing.members')}
            </label>
            <label className="choice">
              <input type="radio" name="audience" value="public" checked={audience === 'public'} onChange={() => setAudience('public')} />
              {t('inBeeld.sharing.public')}
            </label>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('inBeeld.sharing.save')}
          </button>
        </div>
        <StatusMessage message={status} />
      </form>
    </section>
  );
}
