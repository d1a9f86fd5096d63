import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, apiPath } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import type { CoResearchers } from './types.ts';

type PositionKey = 'signalen.position.experience_worker';

/** For researchers and admins: who codes with them, inviting a member, and ending an invitation. */
export function CoResearchersSection({ orgId, list }: { orgId: string; list: CoResearchers }) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const [chosen, setChosen] = useState(list.candidates[0]?.userId ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const position = (p: string | null) => (p ? t(`signalen.position.${p}` as PositionKey) : t('signalen.coding.co.noPosition'));

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      await revalidate();
      setStatus(done);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };
  const invite = (event: FormEvent) => {
    event.preventDefault();
    const person = list.candidates.find((c) => c.userId === chosen);
    if (!person) return;
    void run(
      () => api.put(apiPath`/api/orgs/${orgId}/coding/coresearchers/${person.userId}`, {}),
      t('signalen.coding.co.invited', { name: person.displayName }),
    );
  };

  return (
    <section className="section" aria-labelledby="coresearchers-heading">
      <h2 id="coresearchers-heading">{t('signalen.coding.co.heading')}</h2>
      <p>{t('signalen.coding.co.intro')}</p>
      <StatusMessage message={status} />
      <ErrorAlert message={error} />
      {list.coResearchers.length === 0 ? (
        <p>{t('signalen.coding.co.none')}</p>
      ) : (
        <ul className="link-list">
          {list.coResearchers.map((c) => (
            <li key={c.userId}>
              {c.displayName} ({position(c.position)}) · {c.active ? t('signalen.coding.co.active') : t('signalen.coding.co.stopped')}{' '}
              {c.active && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    void run(
                      () => api.delete(apiPath`/api/orgs/${orgId}/coding/coresearchers/${c.userId}`),
                      t('signalen.coding.co.ended', { name: c.displayName }),
                    )
                  }
                >
                  {t('signalen.coding.co.end', { name: c.displayName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.candidates.length === 0 ? (
        <p>{t('signalen.coding.co.noCandidates')}</p>
      ) : (
        <form className="inline-form" onSubmit={invite}>
          <label htmlFor="coresearcher-select">{t('signalen.coding.co.who')}</label>
          <select id="coresearcher-select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {list.candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.displayName} ({position(c.position)})
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t('signalen.coding.co.invite')}
          </button>
        </form>
      )}
    </section>
  );
}

/** For a co-researcher: what they agreed to, and the way to stop. */
export function CoResearcherNotice({ orgId, userId }: { orgId: string; userId: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const stop = async () => {
    setError(null);
    try {
      await api.delete(apiPath`/api/orgs/${orgId}/coding/coresearchers/${userId}`);
      navigate(`/o/${orgId}/kruisbestuiving`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };
  return (
    <div className="notice">
      <p>{t('signalen.coding.co.notice')}</p>
      <ErrorAlert message={error} />
      <button type="button" className="button button-secondary" onClick={() => void stop()}>
        {t('signalen.coding.co.stop')}
      </button>
    </div>
  );
}
