import { useEffect, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import type { MeetingView } from './types.ts';

type Trajectory = { id: string; title: string };

/** A finished meeting's report attached to a trajectory as the record of a dialogue (shown beside its charter). */
export function DialogueRecordSection({
  orgId,
  meeting,
  run,
}: {
  orgId: string;
  meeting: MeetingView;
  run: (call: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useT();
  const [trajectories, setTrajectories] = useState<Trajectory[]>([]);
  const [chosen, setChosen] = useState(meeting.trajectoryId ?? '');
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .get<{ trajectories: Trajectory[] }>(apiPath`/api/orgs/${orgId}/trajectories`)
      .then((list) => {
        if (current) setTrajectories(list.trajectories);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [orgId]);
  const attachedTo = meeting.recordAttachedAt ? trajectories.find((x) => x.id === meeting.trajectoryId) : undefined;
  const attach = async () => {
    const trajectory = trajectories.find((x) => x.id === chosen);
    if (!trajectory) return setStatus(t('meetings.record.chooseFirst'));
    if (await run(() => api.post(apiPath`/api/orgs/${orgId}/meetings/${meeting.id}/record`, { trajectoryId: trajectory.id })))
      setStatus(t('meetings.record.attached', { title: trajectory.title }));
  };
  const detach = async () => {
    if (await run(() => api.delete(apiPath`/api/orgs/${orgId}/meetings/${meeting.id}/record`))) setStatus(t('meetings.record.detached'));
  };
  return (
    <section aria-labelledby="panel-record">
      <h2 id="panel-record">{t('meetings.record.title')}</h2>
      <p id="panel-record-hint">{t('meetings.record.hint')}</p>
      {meeting.recordAttachedAt ? (
        <>
          <p>{t('meetings.record.attachedTo', { title: attachedTo?.title ?? '…' })}</p>
          <p className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void detach()}>
              {t('meetings.record.detach')}
            </button>
          </p>
        </>
      ) : trajectories.length === 0 ? (
        <p>{t('meetings.record.none')}</p>
      ) : (
        <form
          className="meeting-form"
          onSubmit={(e) => {
            e.preventDefault();
            void attach();
          }}
        >
          <label htmlFor="record-trajectory">{t('meetings.record.trajectory')}</label>
          <select id="record-trajectory" aria-describedby="panel-record-hint" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('meetings.record.choose')}</option>
            {trajectories.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          <p className="button-row">
            <button type="submit" className="button button-secondary">
              {t('meetings.record.attach')}
            </button>
          </p>
        </form>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
