import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { loadLabels } from '../components/signalen/labels.ts';
import { MemberCheckForm } from '../components/signalen/MemberCheckForm.tsx';
import { StepForm } from '../components/signalen/StepForm.tsx';
import type { Signal } from '../components/signalen/types.ts';
import '../components/signalen/signalen.css';
import { formatDateTime } from '../format.ts';
import { currentLanguage, useT } from '../i18n.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const [signal, labels] = await Promise.all([
    api.get<Signal>(apiPath`/api/orgs/${org.id}/signals/${params.signalId ?? ''}`, { signal: request.signal }),
    loadLabels(org.id, request.signal),
  ]);
  return { signal, labels };
}

/** One signal: what was seen, the feedback, member checking and every step with who and when. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const { signal, labels } = useLoaderData<typeof loader>();
  const lang = currentLanguage();
  const who = (p: { displayName: string } | null) => p?.displayName ?? t('signalen.someone');
  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/signalen`}>{t('signalen.back')}</Link>
      </p>
      <PageTitle text={signal.title} />
      <p>
        <span className="status-badge">{t(`signalen.status.${signal.status}`)}</span>
        {signal.daysWaiting !== null && <> · {t('signalen.waitingDays', { count: signal.daysWaiting })}</>}
      </p>
      {signal.feedback && (
        <section className="feedback-box" aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">{t('signalen.feedbackTitle')}</h2>
          <p>{signal.feedback.note}</p>
          <p className="signal-meta">
            {who(signal.feedback.by)} · {formatDateTime(signal.feedback.at, lang)}
          </p>
        </section>
      )}
      <dl className="details-list">
        <div>
          <dt>{t('signalen.field.raisedBy')}</dt>
          <dd>
            {who(signal.raisedBy)}, {formatDateTime(signal.createdAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('signalen.field.logic')}</dt>
          <dd>{labels.logics.get(signal.logic) ?? signal.logic}</dd>
        </div>
        <div>
          <dt>{t('signalen.field.theme')}</dt>
          <dd>{signal.theme ? (labels.themes.get(signal.theme) ?? signal.theme) : t('signalen.raise.noTheme')}</dd>
        </div>
        <div>
          <dt>{t('signalen.field.level')}</dt>
          <dd>{t(`signalen.level.${signal.level}`)}</dd>
        </div>
        <div>
          <dt>{t('signalen.field.team')}</dt>
          <dd>{signal.team?.name ?? t('signalen.wholeOrganisation')}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="observation-heading">
        <h2 id="observation-heading">{t('signalen.raise.observation')}</h2>
        <p className="cell-break">{signal.observation}</p>
        <h3>{t('signalen.raise.barrierFor')}</h3>
        <p className="cell-break">{signal.barrierFor}</p>
        {signal.stories.length > 0 && (
          <>
            <h3>{t('signalen.raise.stories')}</h3>
            <ul className="link-list">
              {signal.stories.map((s) => (
                <li key={s.id}>{s.title}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="section" aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t('signalen.check.list')}</h2>
        {signal.memberChecks.length === 0 ? (
          <p>{t('signalen.check.none')}</p>
        ) : (
          <ul className="signal-list">
            {signal.memberChecks.map((c) => (
              <li key={c.id}>
                <strong>
                  {who(c.by)} {t(`signalen.stanceVerb.${c.stance}`)}
                </strong>
                {c.comment && <p className="quote">{c.comment}</p>}
                <p className="signal-meta">{formatDateTime(c.at, lang)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {signal.canCheck && <MemberCheckForm orgId={org.id} signalId={signal.id} />}
      <section className="section" aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('signalen.stepsTitle')}</h2>
        <ol className="timeline">
          {signal.steps.map((step) => (
            <li key={`${step.to}-${step.at}`}>
              <strong>{t(`signalen.status.${step.to}`)}</strong> — {who(step.by)}, {formatDateTime(step.at, lang)}
              {step.note && <p className="quote">{step.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      {signal.canHandle && signal.nextStatuses.length > 0 && <StepForm orgId={org.id} signal={signal} />}
      <p className="section">
        <a href={apiPath`/api/orgs/${org.id}/signals/${signal.id}/export.md`} download>
          {t('signalen.export')}
        </a>
      </p>
    </>
  );
}
