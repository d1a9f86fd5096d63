import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

export type SessionView = { id: string; browser: string | null; system: string | null; lastUsedOn: string; startedOn: string; current: boolean };

/** A day (YYYY-MM-DD) in words; noon UTC so no time zone moves it to another day. */
const dayInWords = (day: string) => formatDate(`${day}T12:00:00Z`, currentLanguage());

/**
 * Where you are signed in: each session's browser and system in plain words and the day it was last
 * used. You end one you do not recognise, or all others at once. `version` reloads the list (after a
 * password change ended the others).
 */
export function SessionsSection({ version }: { version: number }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setSessions((await api.get<{ sessions: SessionView[] }>('/api/me/sessions')).sessions);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  }, [t]);

  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  const deviceName = (s: SessionView) =>
    s.browser && s.system
      ? t('account.sessions.device', { browser: s.browser, system: s.system })
      : (s.browser ?? s.system ?? t('account.sessions.unknownDevice'));

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const message = await action();
      await load();
      setStatus(message);
      heading.current?.focus();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const endOne = (session: SessionView) =>
    run(async () => {
      await api.delete(apiPath`/api/me/sessions/${session.id}`);
      return t('account.sessions.ended', { device: deviceName(session) });
    });

  const endOthers = () =>
    run(async () => {
      const { ended } = await api.post<{ ended: number }>('/api/me/sessions/end-others');
      return t('account.sessions.endedOthers', { count: ended });
    });

  const others = sessions?.filter((s) => !s.current) ?? [];

  return (
    <section className="section" aria-labelledby="sessions-heading" aria-busy={busy || undefined}>
      <h2 id="sessions-heading" ref={heading} tabIndex={-1}>
        {t('account.sessions.heading')}
      </h2>
      <p>{t('account.sessions.intro')}</p>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
      {sessions === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session-item">
              <p className="session-device">
                {deviceName(s)}
                {s.current && <span className="tag">{t('account.sessions.thisDevice')}</span>}
              </p>
              <p className="meta">
                {t('account.sessions.lastUsed', { date: dayInWords(s.lastUsedOn) })} · {t('account.sessions.started', { date: dayInWords(s.startedOn) })}
              </p>
              {!s.current && (
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  onClick={() => endOne(s)}
                  aria-label={t('account.sessions.endLabel', { device: deviceName(s), date: dayInWords(s.lastUsedOn) })}
                >
                  {t('account.sessions.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={endOthers}>
            {t('account.sessions.endOthers')}
          </button>
        </div>
      )}
    </section>
  );
}
