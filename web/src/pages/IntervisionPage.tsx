import { type FormEvent, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { TextField } from '../components/TextField.tsx';
import { text, useSave } from '../components/trajecten/helpers.ts';
import { SaveFeedback } from '../components/trajecten/SaveFeedback.tsx';
import { methodOf, type SessionDetail } from '../components/trajecten/types.ts';
import '../components/trajecten/trajecten.css';
import { formatDate } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const session = await api.get<SessionDetail>(apiPath`/api/orgs/${org.id}/trajectories/${params.trajectoryId ?? ''}/intervision/${params.sessionId ?? ''}`, {
    signal: request.signal,
  });
  return { session, trajectoryId: params.trajectoryId ?? '' };
}

/** Running an intervision session, step by step; notes stay with the participants, themes can be shared. */
export function Component() {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const org = useOrganisation();
  const { session, trajectoryId } = useLoaderData<typeof loader>();
  const method = methodOf(session.method);
  const steps = method?.steps ?? [];
  const base = apiPath`/api/orgs/${org.id}/trajectories/${trajectoryId}/intervision/${session.id}`;
  const step = steps[session.currentStep];
  const [notes, setNotes] = useState(() => session.notes.find((n) => n.step === session.currentStep)?.text ?? '');
  const [theme, setTheme] = useState('');
  const save = useSave();
  const go = async (to: number) => {
    const ok = await save.run(() => api.patch(base, { currentStep: to, status: 'running' }), t('trajecten.stepNow', { step: to + 1 }));
    if (ok) setNotes(session.notes.find((n) => n.step === to)?.text ?? '');
  };
  const saveNotes = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(() => api.put(`${base}/notes/${session.currentStep}`, { text: notes }), t('trajecten.notesSaved'));
  };
  const share = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(() => api.post(`${base}/themes`, { theme }), t('trajecten.themeShared'))) setTheme('');
  };
  const title = t('trajecten.sessionTitle', {
    method: method ? text(method.name, lang) : session.method,
    date: formatDate(session.plannedOn, currentLanguage()),
  });
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/trajecten/${trajectoryId}/omkadering`}>{t('trajecten.backToSupport')}</Link>
      </p>
      <PageTitle text={title} />
      <p className="meta">
        {t('trajecten.sessionPeople', {
          facilitator: session.facilitator.displayName,
          presenter: session.presenter.displayName,
          participants: session.participants.map((p) => p.displayName).join(', '),
        })}
      </p>
      <div className="notice">
        <p>{t('trajecten.confidential')}</p>
      </div>
      <SaveFeedback {...save} />
      <ol className="intervision-steps">
        {steps.map((s, i) => (
          <li key={s.title.nl} aria-current={i === session.currentStep ? 'step' : undefined}>
            <strong>{text(s.title, lang)}</strong>: {text(s.guidance, lang)}
            {i !== session.currentStep && session.notes.find((n) => n.step === i)?.text && (
              <p className="meta">{session.notes.find((n) => n.step === i)?.text}</p>
            )}
          </li>
        ))}
      </ol>
      {step && (
        <section className="section" aria-labelledby="step-heading">
          <h2 id="step-heading">{t('trajecten.stepHeading', { step: session.currentStep + 1, total: steps.length, title: text(step.title, lang) })}</h2>
          <p>{text(step.guidance, lang)}</p>
          <form className="form" noValidate onSubmit={saveNotes}>
            <TextAreaField
              label={t('trajecten.notesFor', { title: text(step.title, lang) })}
              rows={6}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('trajecten.saveNotes')}
              </button>
              {session.currentStep > 0 && (
                <button type="button" className="button button-secondary" onClick={() => void go(session.currentStep - 1)}>
                  {t('trajecten.previousStep')}
                </button>
              )}
              {session.currentStep < steps.length - 1 ? (
                <button type="button" className="button button-secondary" onClick={() => void go(session.currentStep + 1)}>
                  {t('trajecten.nextStep')}
                </button>
              ) : (
                session.status !== 'done' && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void save.run(() => api.patch(base, { status: 'done' }), t('trajecten.sessionDone'))}
                  >
                    {t('trajecten.finishSession')}
                  </button>
                )
              )}
            </div>
          </form>
        </section>
      )}
      <section className="section" aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t('trajecten.themesHeading')}</h2>
        <p>{t('trajecten.themesIntro')}</p>
        {session.themes.length > 0 && (
          <ul className="trajectory-list">
            {session.themes.map((x) => (
              <li key={x.id}>{x.theme}</li>
            ))}
          </ul>
        )}
        <form className="form" noValidate onSubmit={share}>
          <TextField label={t('trajecten.theme')} value={theme} onChange={(e) => setTheme(e.target.value)} error={save.issue('theme')} />
          <div className="button-row">
            <button type="submit" className="button button-secondary">
              {t('trajecten.shareTheme')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
