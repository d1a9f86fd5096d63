import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import { text, useSave } from './helpers.ts';
import { MemberOptions } from './MemberOptions.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { intervisionMethods, methodOf, type TrajectoryDetailView } from './types.ts';

/** Phase 4: intervision sessions: planned here, run on their own page; only shared themes show here. */
export function IntervisionSection({ detail, base, pagePath }: { detail: TrajectoryDetailView; base: string; pagePath: string }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const [method, setMethod] = useState<string>('incident');
  const [plannedOn, setPlannedOn] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [presenter, setPresenter] = useState('');
  const [participants, setParticipants] = useState<string[]>(detail.members.map((m) => m.userId));
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(
      () =>
        api.post(`${base}/intervision`, { method, plannedOn, facilitatorUserId: facilitator, presenterUserId: presenter, participantUserIds: participants }),
      t('trajecten.sessionPlanned'),
    );
  };
  return (
    <section className="section" aria-labelledby="intervision-heading">
      <h3 id="intervision-heading">{t('trajecten.intervisionHeading')}</h3>
      <p>{t('trajecten.intervisionIntro')}</p>
      {detail.intervision.length === 0 ? (
        <p>{t('trajecten.noSessions')}</p>
      ) : (
        <ul className="trajectory-cards">
          {detail.intervision.map((s) => (
            <li key={s.id} className="panel">
              <h4>
                {s.isParticipant ? (
                  <Link to={`${pagePath}/intervisie/${s.id}`}>
                    {t('trajecten.sessionTitle', {
                      method: text(methodOf(s.method)?.name ?? { nl: s.method, en: s.method }, lang),
                      date: formatDate(s.plannedOn, currentLanguage()),
                    })}
                  </Link>
                ) : (
                  t('trajecten.sessionTitle', {
                    method: text(methodOf(s.method)?.name ?? { nl: s.method, en: s.method }, lang),
                    date: formatDate(s.plannedOn, currentLanguage()),
                  })
                )}
                <span className="tag">{t(`trajecten.sessionStatus.${s.status}`)}</span>
              </h4>
              <p className="meta">
                {t('trajecten.sessionPeople', {
                  facilitator: s.facilitator.displayName,
                  presenter: s.presenter.displayName,
                  participants: s.participants.map((p) => p.displayName).join(', '),
                })}
              </p>
              {s.themes.length > 0 ? (
                <p>{t('trajecten.sharedThemes', { list: s.themes.map((x) => x.theme).join('; ') })}</p>
              ) : (
                <p className="meta">{t('trajecten.noThemes')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.me.canWrite && (
        <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined} aria-labelledby="plan-heading">
          <h4 id="plan-heading">{t('trajecten.planSession')}</h4>
          <SaveFeedback {...save} />
          <SelectField label={t('trajecten.method')} value={method} onChange={(e) => setMethod(e.target.value)}>
            {intervisionMethods.map((m) => (
              <option key={m.key} value={m.key}>
                {text(m.name, lang)}
              </option>
            ))}
          </SelectField>
          <TextField
            type="date"
            label={t('trajecten.plannedOn')}
            value={plannedOn}
            onChange={(e) => setPlannedOn(e.target.value)}
            error={save.issue('plannedOn')}
          />
          <SelectField
            label={t('trajecten.facilitator')}
            value={facilitator}
            onChange={(e) => setFacilitator(e.target.value)}
            error={save.issue('facilitatorUserId')}
          >
            <MemberOptions members={detail.members} emptyLabel={t('trajecten.choosePerson')} />
          </SelectField>
          <SelectField label={t('trajecten.presenter')} value={presenter} onChange={(e) => setPresenter(e.target.value)} error={save.issue('presenterUserId')}>
            <MemberOptions members={detail.members} emptyLabel={t('trajecten.choosePerson')} />
          </SelectField>
          <fieldset className="field">
            <legend>{t('trajecten.participants')}</legend>
            <div className="choice-list">
              {detail.members.map((m) => (
                <label key={m.userId} className="choice">
                  <input
                    type="checkbox"
                    checked={participants.includes(m.userId)}
                    onChange={(e) => setParticipants(e.target.checked ? [...participants, m.userId] : participants.filter((p) => p !== m.userId))}
                  />
                  {m.displayName}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.plan')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
