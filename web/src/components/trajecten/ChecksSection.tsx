import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { TextField } from '../TextField.tsx';
import { text, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { CheckComparison, TrajectoryDetailView } from './types.ts';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** Phase 6: the team check at the start and at the end, and the two side by side. */
export function ChecksSection({ detail, base }: { detail: TrajectoryDetailView; base: string }) {
  const { t, i18n } = useT();
  const [closesOn, setClosesOn] = useState(inAMonth());
  const [comparison, setComparison] = useState<CheckComparison | null>(null);
  const save = useSave();
  const both = detail.checks.length === 2;
  useEffect(() => {
    if (!both) return;
    const controller = new AbortController();
    api
      .get<CheckComparison>(`${base}/checks/comparison`, { signal: controller.signal })
      .then(setComparison)
      .catch(() => setComparison(null));
    return () => controller.abort();
  }, [base, both]);
  const next = (['start', 'end'] as const).find((m) => !detail.checks.some((c) => c.moment === m));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next) await save.run(() => api.post(`${base}/checks`, { moment: next, closesOn }), t('trajecten.checkOpened'));
  };
  return (
    <section className="section" aria-labelledby="checks-heading">
      <h3 id="checks-heading">{t('trajecten.checksHeading')}</h3>
      <p>{t('trajecten.checksIntro')}</p>
      <SaveFeedback {...save} />
      <ul className="trajectory-list">
        {(['start', 'end'] as const).map((moment) => {
          const check = detail.checks.find((c) => c.moment === moment);
          return (
            <li key={moment}>
              <strong>{t(`trajecten.moment.${moment}`)}</strong>:{' '}
              {check
                ? t('trajecten.checkLine', {
                    name: check.roundName,
                    count: check.responses ?? t('common.fewerThan', { k: check.responsesFewerThan ?? '' }),
                    date: formatDate(check.closesOn, currentLanguage()),
                  })
                : t('trajecten.checkNotOpened')}
              {check?.url && (
                <>
                  {' '}
                  <a href={check.url}>{t('trajecten.answerCheck', { moment: t(`trajecten.moment.${moment}`).toLowerCase() })}</a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {next && detail.me.canWrite && (
        <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
          <TextField
            type="date"
            label={t('trajecten.checkClosesOn')}
            value={closesOn}
            onChange={(e) => setClosesOn(e.target.value)}
            error={save.issue('closesOn')}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t(`trajecten.openCheck.${next}`)}
            </button>
          </div>
        </form>
      )}
      {comparison?.comparison && (
        <>
          <table className="table">
            <caption>{t('trajecten.comparisonCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trajecten.statement')}</th>
                <th scope="col">{t('trajecten.moment.start')}</th>
                <th scope="col">{t('trajecten.moment.end')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.comparison.scales.map((s) => (
                <tr key={`${s.question}-${s.item ?? ''}`}>
                  <th scope="row">{s.label}</th>
                  <td data-label={t('trajecten.moment.start')}>{s.suppressed ? t('trajecten.hidden') : fmt(s.aMean)}</td>
                  <td data-label={t('trajecten.moment.end')}>{s.suppressed ? t('trajecten.hidden') : fmt(s.bMean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">{text(comparison.comparison.disclosure.rule, i18n.resolvedLanguage)}</p>
        </>
      )}
    </section>
  );
}
