import { useEffect, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useRevalidator } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { CoFacilitatorSection, type Person } from '../components/meetings/CoFacilitatorSection.tsx';
import { DialogueRecordSection } from '../components/meetings/DialogueRecordSection.tsx';
import { PacingControl } from '../components/meetings/PacingControl.tsx';
import { ResultsView } from '../components/meetings/ResultsView.tsx';
import { type QuestionDecision, RoomQuestions } from '../components/meetings/RoomQuestions.tsx';
import type { MeetingView, ModerationItem } from '../components/meetings/types.ts';
import { useLiveSnapshot } from '../components/meetings/useLiveSnapshot.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';
import type { Organisation } from '../types.ts';
import '../components/meetings/meetings.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const options = { signal: request.signal };
  const meeting = await api.get<MeetingView>(apiPath`/api/orgs/${org.id}/meetings/${params.meetingId ?? ''}`, options);
  const moderation = await api.get<{ items: ModerationItem[] }>(apiPath`/api/orgs/${org.id}/meetings/${meeting.id}/moderation`, options);
  return { meeting, moderation: moderation.items, people: meeting.canRun ? await peopleFor(org, meeting, options) : [] };
}

/** Who may become co-facilitator: the organisation's members for those who may see them, else the meeting's team. */
async function peopleFor(org: Organisation, meeting: MeetingView, options: { signal: AbortSignal }): Promise<Person[]> {
  if (org.can.viewMembers) return (await api.get<{ members: Person[] }>(apiPath`/api/orgs/${org.id}/members`, options)).members;
  if (!meeting.teamId) return [];
  return (await api.get<{ members: Person[] }>(apiPath`/api/orgs/${org.id}/teams/${meeting.teamId}/members`, options)).members;
}

type Action = 'start' | 'finish' | 'previous' | 'next' | 'open' | 'close' | 'reveal' | 'hide' | 'reset';

/** The facilitator panel (laptop or phone): move through the prompts, open and close, reveal results, moderate. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const data = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const [error, setError] = useState<ApiError | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const live = useLiveSnapshot(org.id, data.meeting.id);
  const meeting = data.meeting;
  const prompt = live.snapshot?.prompt ?? meeting.prompts[meeting.currentIndex] ?? null;
  const status = live.snapshot?.meeting.status ?? meeting.status;

  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      await revalidator.revalidate();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
      return false;
    }
  };
  const control = (action: Action) => run(() => api.post(apiPath`/api/orgs/${org.id}/meetings/${meeting.id}/control`, { action }));
  const setPacing = (pacing: 'presenter' | 'participant') =>
    run(() => api.post(apiPath`/api/orgs/${org.id}/meetings/${meeting.id}/control`, { action: 'pacing', pacing }));
  const moderate = (item: Pick<ModerationItem, 'subjectType' | 'id'>, decision: 'approve' | 'hold' | QuestionDecision) =>
    run(() =>
      api.post(apiPath`/api/orgs/${org.id}/meetings/${meeting.id}/moderation`, {
        subjectType: item.subjectType,
        subjectId: item.id,
        decision,
        reason: reasons[item.id] ?? '',
      }),
    );
  const me = useMe();
  const people = data.people.filter((p) => p.userId !== me.user.id);
  const questions = live.snapshot?.results?.questions;
  const waiting = data.moderation.filter((item) => item.moderation === 'pending');
  // A new open answer or question waiting for review: fetch the queue again.
  const waitingLive = live.snapshot?.results?.waiting ?? 0;
  useEffect(() => {
    if (waitingLive > 0) void revalidator.revalidate();
  }, [waitingLive, revalidator.revalidate]);

  return (
    <>
      <PageTitle text={meeting.title} />
      <p>
        {t('meetings.code')} <span className="meeting-code-inline">{meeting.joinCode}</span> · {t(`meetings.status.${status}`)} ·{' '}
        {t('meetings.joined', { count: live.snapshot?.joined ?? 0 })}
      </p>
      <p className="button-row">
        <Link className="button button-secondary" to={`/o/${org.id}/ontmoetingen/${meeting.id}/scherm`} target="_blank">
          {t('meetings.presenter')}
        </Link>
        <a className="button button-secondary" href={apiPath`/api/orgs/${org.id}/meetings/${meeting.id}/report.md`}>
          {t('meetings.report')}
        </a>
      </p>
      <ErrorAlert message={error?.message ?? null} requestId={error?.requestId} />
      {meeting.canRun && (
        <section aria-labelledby="panel-controls">
          <h2 id="panel-controls">{t('meetings.controls')}</h2>
          <div className="button-row meeting-controls">
            {status === 'draft' && (
              <button type="button" className="button button-primary" onClick={() => control('start')}>
                {t('meetings.start')}
              </button>
            )}
            {status === 'live' && (
              <>
                <button type="button" className="button button-secondary" onClick={() => control('previous')}>
                  {t('meetings.previous')}
                </button>
                <button type="button" className="button button-primary" onClick={() => control('next')}>
                  {t('meetings.next')}
                </button>
                {prompt?.state === 'open' ? (
                  <button type="button" className="button button-secondary" onClick={() => control('close')}>
                    {t('meetings.close')}
                  </button>
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => control('open')}>
                    {t('meetings.open')}
                  </button>
                )}
                {prompt?.resultsVisible ? (
                  <button type="button" className="button button-secondary" onClick={() => control('hide')}>
                    {t('meetings.hide')}
                  </button>
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => control('reveal')}>
                    {t('meetings.reveal')}
                  </button>
                )}
                <button type="button" className="button button-danger-outline" onClick={() => window.confirm(t('meetings.resetConfirm')) && control('reset')}>
                  {t('meetings.reset')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => control('finish')}>
                  {t('meetings.finish')}
                </button>
              </>
            )}
          </div>
          <PacingControl pacing={live.snapshot?.meeting.pacing ?? meeting.pacing} change={(pacing) => void setPacing(pacing)} />
        </section>
      )}
      {prompt && (
        <section aria-labelledby="panel-prompt" aria-live="polite">
          <h2 id="panel-prompt">
            {t('meetings.promptOf', { n: prompt.position + 1, total: meeting.prompts.length })}: {prompt.text[lang]}
          </h2>
          <p>
            {t(`meetings.state.${prompt.state}`)} · {prompt.resultsVisible ? t('meetings.visible') : t('meetings.hiddenFromRoom')} ·{' '}
            {t('meetings.answered', { count: live.snapshot?.results?.answered ?? 0 })}
          </p>
          {live.snapshot?.results && live.snapshot.prompt && <ResultsView prompt={live.snapshot.prompt} view={live.snapshot.results} lang={lang} />}
        </section>
      )}
      {meeting.canModerate && (
        <section aria-labelledby="panel-moderation">
          <h2 id="panel-moderation">{t('meetings.moderation', { count: waiting.length })}</h2>
          {waiting.length === 0 ? (
            <p>{t('meetings.nothingWaiting')}</p>
          ) : (
            <ul className="meeting-moderation">
              {waiting.map((item) => (
                <li key={item.id}>
                  <p>{item.text}</p>
                  <label htmlFor={`reason-${item.id}`}>{t('meetings.reason')}</label>
                  <input
                    id={`reason-${item.id}`}
                    value={reasons[item.id] ?? ''}
                    maxLength={300}
                    onChange={(e) => setReasons({ ...reasons, [item.id]: e.target.value })}
                  />
                  <div className="button-row">
                    <button type="button" className="button button-primary button-small" onClick={() => moderate(item, 'approve')}>
                      {t('meetings.approve')}
                    </button>
                    <button type="button" className="button button-danger-outline button-small" onClick={() => moderate(item, 'hold')}>
                      {t('meetings.hold')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {meeting.canModerate && questions && (
        <RoomQuestions questions={questions} decide={(id, decision) => void moderate({ subjectType: 'question', id }, decision)} />
      )}
      {meeting.canRun && <CoFacilitatorSection orgId={org.id} meetingId={meeting.id} people={people} run={run} />}
      {meeting.canRun && status === 'closed' && <DialogueRecordSection orgId={org.id} meeting={meeting} run={run} />}
    </>
  );
}
