import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n.ts';

export const REFRESH_MS = 10_000;
const ANNOUNCE_EVERY_MS = 60_000;

type Counts = { complete: number | null; started: number | null; fewerThan: number | null };

/** Below the organisation's threshold, people who may not see small counts read "fewer than k". */
const countText = (count: number | null, counts: Counts, t: TFunction<'web'>) =>
  count === null ? t('common.fewerThan', { k: counts.fewerThan ?? '' }) : String(count);

/**
 * The numbers, always current on the screen; a screen reader hears a change at most once a minute
 * (a polite live region), so it is not interrupted every ten seconds while people answer.
 */
export function ResponseCounts({ counts }: { counts: Counts }) {
  const { t } = useT();
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef<{ at: number; counts: Counts }>({ at: 0, counts });
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(counts);
  latest.current = counts;

  useEffect(() => {
    const previous = lastAnnounced.current.counts;
    if (previous.complete === counts.complete && previous.started === counts.started) return;
    const say = () => {
      timer.current = undefined;
      const now = latest.current;
      lastAnnounced.current = { at: Date.now(), counts: now };
      setAnnouncement(t('inBeeld.round.countsChanged', { complete: countText(now.complete, now, t), started: countText(now.started, now, t) }));
    };
    const wait = lastAnnounced.current.at + ANNOUNCE_EVERY_MS - Date.now();
    if (wait <= 0) say();
    else timer.current ??= window.setTimeout(say, wait);
  }, [counts, t]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <>
      <dl className="stats">
        <div>
          <dt>{t('inBeeld.round.complete')}</dt>
          <dd>{countText(counts.complete, counts, t)}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.round.started')}</dt>
          <dd>{countText(counts.started, counts, t)}</dd>
        </div>
      </dl>
      <p className="field-hint">{t('inBeeld.round.countsHint', { seconds: REFRESH_MS / 1000 })}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
