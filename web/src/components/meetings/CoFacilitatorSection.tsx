import { useEffect, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { StatusMessage } from '../StatusMessage.tsx';

export type Person = { userId: string; displayName: string };

/** Makes a member of the organisation co-facilitator: they may review answers and questions, not run the meeting. */
export function CoFacilitatorSection({
  orgId,
  meetingId,
  people,
  run,
}: {
  orgId: string;
  meetingId: string;
  people: Person[];
  run: (call: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useT();
  const [chosen, setChosen] = useState('');
  const [added, setAdded] = useState<Person[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .get<Person[]>(apiPath`/api/orgs/${orgId}/meetings/${meetingId}/moderators`)
      .then((list) => {
        if (current) setAdded(list);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [orgId, meetingId]);
  const add = async () => {
    const person = people.find((p) => p.userId === chosen);
    if (!person) return setStatus(t('meetings.coFacilitator.chooseFirst'));
    const done = await run(() => api.post(apiPath`/api/orgs/${orgId}/meetings/${meetingId}/moderators`, { userId: person.userId }));
    if (!done) return;
    setAdded((list) => (list.some((p) => p.userId === person.userId) ? list : [...list, person]));
    setChosen('');
    setStatus(t('meetings.coFacilitator.added', { name: person.displayName }));
  };
  const remove = async (person: Person) => {
    const done = await run(() => api.delete(apiPath`/api/orgs/${orgId}/meetings/${meetingId}/moderators/${person.userId}`));
    if (!done) return;
    setAdded((list) => list.filter((p) => p.userId !== person.userId));
    setStatus(t('meetings.coFacilitator.removed', { name: person.displayName }));
  };
  return (
    <section aria-labelledby="panel-co">
      <h2 id="panel-co">{t('meetings.coFacilitator.title')}</h2>
      <p id="panel-co-hint">{t('meetings.coFacilitator.hint')}</p>
      {people.length === 0 ? (
        <p>{t('meetings.coFacilitator.nobody')}</p>
      ) : (
        <form
          className="meeting-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor="co-person">{t('meetings.coFacilitator.person')}</label>
          <select id="co-person" aria-describedby="panel-co-hint" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('meetings.coFacilitator.choose')}</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.displayName}
              </option>
            ))}
          </select>
          <p className="button-row">
            <button type="submit" className="button button-secondary">
              {t('meetings.coFacilitator.add')}
            </button>
          </p>
        </form>
      )}
      <StatusMessage message={status} />
      {added.length > 0 && (
        <>
          <h3>{t('meetings.coFacilitator.moderating')}</h3>
          <ul className="meeting-co-list">
            {added.map((p) => (
              <li key={p.userId}>
                {p.displayName}{' '}
                <button type="button" className="button button-secondary" onClick={() => void remove(p)}>
                  {t('meetings.coFacilitator.remove', { name: p.displayName })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
