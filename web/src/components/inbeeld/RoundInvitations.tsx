import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Organisation } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { isIsoDate, todayIso } from './dates.ts';
import type { RoundDetail } from './types.ts';

/** GET /api/orgs/:orgId/rounds/:roundId/invitations (src/modules/round-invitations/model.ts). */
type Summary = {
  mailEnabled: boolean;
  invited: number;
  answered: number | null;
  answeredFewerThan: number | null;
  reminders: { sendOn: string; sent: boolean }[];
  closingNoticeSent: boolean;
  targets: { linkId: string; target: number }[];
};
type InviteResult = { added: number; alreadyInvited: number; invalid: string[] };

const asApiError = (caught: unknown, fallback: string) =>
  caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: fallback });

/**
 * Personal invitations by e-mail (a pasted list or a CSV file), the reminder days and a target per
 * link. Only counts are shown: who answered is never known, and who was invited is not listed.
 */
export function RoundInvitations({ org, round, canInvite }: { org: Organisation; round: RoundDetail; canInvite: boolean }) {
  const { t } = useT();
  const lang = currentLanguage();
  const path = apiPath`/api/orgs/${org.id}/rounds/${round.id}/invitations`;
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Summary>(path, { signal: controller.signal })
      .then(setSummary)
      .catch(() => undefined);
    return () => controller.abort();
  }, [path]);

  const reload = async () => setSummary(await api.get<Summary>(path));
  if (!summary) return null;

  const answered = summary.answered === null ? t('common.fewerThan', { k: summary.answeredFewerThan ?? '' }) : String(summary.answered);

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('inBeeld.invitations.heading')}</h2>
      <p>{t('inBeeld.invitations.intro')}</p>
      <ErrorAlert message={error?.message ?? null} requestId={error?.requestId} />
      <StatusMessage message={status} />
      <p>
        {t('inBeeld.invitations.counts', { invited: summary.invited, answered })} {t('inBeeld.invitations.countsNote')}
      </p>
      {summary.closingNoticeSent && <p>{t('inBeeld.invitations.closingSent')}</p>}
      {!summary.mailEnabled && <p>{t('inBeeld.invitations.mailOff')}</p>}
      {canInvite && summary.mailEnabled && round.open && (
        <InviteForm
          org={org}
          round={round}
          onDone={async (message) => {
            setError(null);
            setStatus(message);
            await reload();
          }}
          onError={setError}
        />
      )}
      <Reminders
        org={org}
        round={round}
        summary={summary}
        canInvite={canInvite}
        onSaved={async () => {
          setError(null);
          setStatus(t('inBeeld.invitations.remindersSaved'));
          await reload();
        }}
        onError={setError}
        lang={lang}
      />
      <Targets
        org={org}
        round={round}
        summary={summary}
        canInvite={canInvite}
        onSaved={async () => {
          setError(null);
          setStatus(t('inBeeld.invitations.targetsSaved'));
          await reload();
        }}
        onError={setError}
      />
    </section>
  );
}

function InviteForm({
  org,
  round,
  onDone,
  onError,
}: {
  org: Organisation;
  round: RoundDetail;
  onDone: (message: string) => Promise<void>;
  onError: (error: ApiError) => void;
}) {
  const { t } = useT();
  const [addresses, setAddresses] = useState('');
  const [linkId, setLinkId] = useState(round.links[0]?.id ?? '');
  const [language, setLanguage] = useState<'nl' | 'en'>(currentLanguage());
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setAddresses(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFieldError(undefined);
    try {
      const result = await api.post<InviteResult>(apiPath`/api/orgs/${org.id}/rounds/${round.id}/invitations`, { addresses, linkId, language });
      const parts = [t('inBeeld.invitations.added', { count: result.added })];
      if (result.alreadyInvited) parts.push(t('inBeeld.invitations.already', { count: result.alreadyInvited }));
      if (result.invalid.length) parts.push(t('inBeeld.invitations.invalid', { list: result.invalid.join(', ') }));
      setAddresses(result.invalid.join('\n'));
      await onDone(parts.join(' '));
    } catch (caught) {
      const failure = asApiError(caught, t('common.unknownError'));
      setFieldError(failure.issueFor('addresses'));
      onError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <h3>{t('inBeeld.invitations.formHeading')}</h3>
      <TextAreaField
        label={t('inBeeld.invitations.addressesLabel')}
        hint={t('inBeeld.invitations.addressesHint')}
        rows={6}
        value={addresses}
        onChange={(event) => setAddresses(event.target.value)}
        error={fieldError}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="field">
        <label htmlFor={fileId}>{t('inBeeld.invitations.csvLabel')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void readFile(event)} />
      </div>
      {round.links.length > 1 && (
        <SelectField label={t('inBeeld.invitations.linkLabel')} value={linkId} onChange={(event) => setLinkId(event.target.value)}>
          {round.links.map((link) => (
            <option key={link.id} value={link.id}>
              {link.teamName
                ? t('inBeeld.invitations.linkTeam', { team: link.teamName })
                : t('inBeeld.invitations.linkOrganisation', { organisation: org.name })}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label={t('inBeeld.invitations.languageLabel')} value={language} onChange={(event) => setLanguage(event.target.value as 'nl' | 'en')}>
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
      </SelectField>
      <p>
        <button type="submit" className="button">
          {t('inBeeld.invitations.send')}
        </button>
      </p>
    </form>
  );
}

function Reminders({
  org,
  round,
  summary,
  canInvite,
  onSaved,
  onError,
  lang,
}: {
  org: Organisation;
  round: RoundDetail;
  summary: Summary;
  canInvite: boolean;
  onSaved: () => Promise<void>;
  onError: (error: ApiError) => void;
  lang: 'nl' | 'en';
}) {
  const { t } = useT();
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | undefined>(undefined);
  const planned = summary.reminders.filter((r) => !r.sent).map((r) => r.sendOn);

  const save = async (dates: string[]) => {
    try {
      await api.put(apiPath`/api/orgs/${org.id}/rounds/${round.id}/reminders`, { dates });
      setDay('');
      await onSaved();
    } catch (caught) {
      const failure = asApiError(caught, t('common.unknownError'));
      setDayError(failure.issueFor('dates'));
      onError(failure);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(day)) {
      setDayError(t('inBeeld.invitations.dayInvalid'));
      return;
    }
    setDayError(undefined);
    await save([...planned, day]);
  };

  return (
    <>
      <h3>{t('inBeeld.invitations.remindersHeading')}</h3>
      <p>{t('inBeeld.invitations.remindersIntro')}</p>
      {summary.reminders.length === 0 ? (
        <p>{t('inBeeld.invitations.noReminders')}</p>
      ) : (
        <ul className="link-list">
          {summary.reminders.map((r) => (
            <li key={r.sendOn}>
              {formatDate(r.sendOn, lang)} — {r.sent ? t('inBeeld.invitations.reminderSent') : t('inBeeld.invitations.reminderPlanned')}{' '}
              {canInvite && !r.sent && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void save(planned.filter((d) => d !== r.sendOn))}
                  aria-label={t('inBeeld.invitations.removeReminder', { date: formatDate(r.sendOn, lang) })}
                >
                  {t('inBeeld.invitations.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canInvite && round.open && (
        <form className="inline-form date-form" noValidate onSubmit={add}>
          <TextField
            type="date"
            label={t('inBeeld.invitations.dayLabel')}
            min={todayIso()}
            max={round.closesOn}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            error={dayError}
          />
          <button type="submit" className="button button-secondary">
            {t('inBeeld.invitations.addReminder')}
          </button>
        </form>
      )}
    </>
  );
}

function Targets({
  org,
  round,
  summary,
  canInvite,
  onSaved,
  onError,
}: {
  org: Organisation;
  round: RoundDetail;
  summary: Summary;
  canInvite: boolean;
  onSaved: () => Promise<void>;
  onError: (error: ApiError) => void;
}) {
  const { t } = useT();
  const targetOf = (linkId: string) => summary.targets.find((x) => x.linkId === linkId)?.target;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(round.links.map((l) => [l.id, String(targetOf(l.id) ?? '')])));
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  const scopeOf = (link: RoundDetail['links'][number]) =>
    link.teamName ? t('inBeeld.invitations.linkTeam', { team: link.teamName }) : t('inBeeld.invitations.linkOrganisation', { organisation: org.name });

  const progress = (link: RoundDetail['links'][number]) => {
    const target = targetOf(link.id);
    if (!target) return t('inBeeld.invitations.noTarget');
    const count = link.responses === null ? t('common.fewerThan', { k: link.responsesFewerThan ?? '' }) : String(link.responses);
    return t('inBeeld.invitations.progress', { count, target });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const targets = round.links.map((l) => ({ linkId: l.id, target: values[l.id]?.trim() ? Number(values[l.id]) : null }));
    if (targets.some((x) => x.target !== null && (!Number.isInteger(x.target) || x.target < 1))) {
      setFieldError(t('inBeeld.invitations.targetInvalid'));
      return;
    }
    setFieldError(undefined);
    try {
      await api.put(apiPath`/api/orgs/${org.id}/rounds/${round.id}/targets`, { targets });
      await onSaved();
    } catch (caught) {
      onError(asApiError(caught, t('common.unknownError')));
    }
  };

  return (
    <>
      <h3>{t('inBeeld.invitations.targetsHeading')}</h3>
      <ul className="link-list">
        {round.links.map((link) => (
          <li key={link.id}>
            {scopeOf(link)}: {progress(link)}
          </li>
        ))}
      </ul>
      {canInvite && (
        <form className="form" noValidate onSubmit={save}>
          {round.links.map((link) => (
            <TextField
              key={link.id}
              type="number"
              inputMode="numeric"
              min={1}
              label={t('inBeeld.invitations.targetLabel', { scope: scopeOf(link) })}
              value={values[link.id] ?? ''}
              onChange={(event) => setValues({ ...values, [link.id]: event.target.value })}
              error={fieldError}
            />
          ))}
          <p>
            <button type="submit" className="button button-secondary">
              {t('inBeeld.invitations.saveTargets')}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
