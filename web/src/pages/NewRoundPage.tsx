import { type FormEvent, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate, useSearchParams } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { ApiError, api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { inWeeks, isIsoDate, todayIso } from '../components/inbeeld/dates.ts';
import { pick } from '../components/inbeeld/editor/context.tsx';
import type { InstrumentListItem, Round } from '../components/inbeeld/types.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { currentLanguage, useT } from '../i18n.ts';
import type { Team } from '../types.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId, (org) => org.can.manageRounds);
  const options = { signal: request.signal };
  const [instruments, teams] = await Promise.all([
    api.get<{ instruments: InstrumentListItem[] }>(apiPath`/api/orgs/${org.id}/instruments`, options),
    api.get<{ teams: Team[] }>(apiPath`/api/orgs/${org.id}/teams`, options),
  ]);
  return { instruments: instruments.instruments.filter((i) => !i.builtin && i.published), teams: teams.teams };
}

const fields = ['instrumentVersionId', 'name', 'closesOn', 'teamIds'] as const;

/** "Nieuwe ronde": a published questionnaire, a name, a closing date and who gets a link. */
export function Component() {
  const { t, i18n } = useT();
  const lang = currentLanguage();
  const org = useOrganisation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { instruments, teams } = useLoaderData<typeof loader>();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const wanted = searchParams.get('version');
  const [versionId, setVersionId] = useState(instruments.find((i) => i.published?.id === wanted)?.published?.id ?? instruments[0]?.published?.id ?? '');
  const [name, setName] = useState('');
  const [closesOn, setClosesOn] = useState(inWeeks(4));
  const [organisationLink, setOrganisationLink] = useState(true);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [openTextExport, setOpenTextExport] = useState(false);
  const [busy, setBusy] = useState(false);
  const sortedTeams = [...teams].sort((a, b) => a.name.localeCompare(b.name, i18n.resolvedLanguage));

  /** The server names some problems with a code; these are the words for them. */
  const plain = (caught: unknown) => {
    if (!(caught instanceof ApiError)) return caught;
    const words: Record<string, string> = {
      published_version_required: t('inBeeld.newRound.versionRequired'),
      in_the_past: t('inBeeld.newRound.closesOnPast'),
      no_links: t('inBeeld.newRound.noLinks'),
    };
    return new ApiError({
      id: caught.id,
      status: caught.status,
      message: caught.message,
      requestId: caught.requestId,
      issues: caught.issues.map((issue) => ({ ...issue, message: words[issue.message] ?? issue.message })),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    const ok = check({
      instrumentVersionId: versionId ? undefined : t('inBeeld.newRound.versionRequired'),
      name: trimmed ? undefined : t('inBeeld.newRound.nameRequired'),
      closesOn: !isIsoDate(closesOn) ? t('inBeeld.newRound.closesOnInvalid') : closesOn < todayIso() ? t('inBeeld.newRound.closesOnPast') : undefined,
      teamIds: organisationLink || teamIds.length > 0 ? undefined : t('inBeeld.newRound.noLinks'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const round = await api.post<Round>(apiPath`/api/orgs/${org.id}/rounds`, {
        instrumentVersionId: versionId,
        name: trimmed,
        closesOn,
        teamIds,
        organisationLink,
        openTextExport,
      });
      navigate(`/o/${org.id}/in-beeld/rounds/${round.id}`, { state: { created: true } });
    } catch (caught) {
      fail(plain(caught));
      setBusy(false);
    }
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/in-beeld`}>{t('inBeeld.backToOverview')}</Link>
      </p>
      <PageTitle text={t('inBeeld.newRound.title')} />
      <p className="lead">{t('inBeeld.newRound.intro')}</p>
      {instruments.length === 0 ? (
        <p className="notice">{t('inBeeld.rounds.needPublished')}</p>
      ) : (
        <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
          <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
          <SelectField
            label={t('inBeeld.newRound.instrument')}
            hint={t('inBeeld.newRound.instrumentHint')}
            value={versionId}
            onChange={(event) => setVersionId(event.target.value)}
            error={fieldErrors.instrumentVersionId}
          >
            {instruments.map((item) =>
              item.published ? (
                <option key={item.published.id} value={item.published.id}>
                  {t('inBeeld.newRound.instrumentOption', { title: pick(item.title, lang) || item.key, version: item.published.version })}
                </option>
              ) : null,
            )}
          </SelectField>
          <TextField
            label={t('inBeeld.newRound.name')}
            hint={t('inBeeld.newRound.nameHint')}
            value={name}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors.name}
          />
          <TextField
            type="date"
            label={t('inBeeld.newRound.closesOn')}
            hint={t('inBeeld.newRound.closesOnHint')}
            value={closesOn}
            min={todayIso()}
            onChange={(event) => setClosesOn(event.target.value)}
            error={fieldErrors.closesOn}
          />
          <fieldset className="field" aria-describedby={fieldErrors.teamIds ? 'links-hint links-error' : 'links-hint'}>
            <legend>{t('inBeeld.newRound.linksLegend')}</legend>
            <p className="field-hint" id="links-hint">
              {t('inBeeld.newRound.linksHint')}
            </p>
            {fieldErrors.teamIds && (
              <p className="field-error" id="links-error">
                {fieldErrors.teamIds}
              </p>
            )}
            <div className="choice-list">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={organisationLink}
                  onChange={(event) => setOrganisationLink(event.target.checked)}
                  aria-invalid={fieldErrors.teamIds ? true : undefined}
                />
                <span>{t('inBeeld.newRound.organisationLink', { organisation: org.name })}</span>
              </label>
              {sortedTeams.map((team) => (
                <label key={team.id} className="choice">
                  <input
                    type="checkbox"
                    checked={teamIds.includes(team.id)}
                    onChange={(event) => setTeamIds(event.target.checked ? [...teamIds, team.id] : teamIds.filter((id) => id !== team.id))}
                  />
                  <span>{t('inBeeld.newRound.teamLink', { team: team.name })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="field" aria-describedby="open-text-hint">
            <legend>{t('inBeeld.newRound.openTextLegend')}</legend>
            <p className="field-hint" id="open-text-hint">
              {t('inBeeld.newRound.openTextHint')}
            </p>
            <div className="choice-list">
              <label className="choice">
                <input type="radio" name="openTextExport" checked={!openTextExport} onChange={() => setOpenTextExport(false)} />
                <span>{t('inBeeld.newRound.openTextNo')}</span>
              </label>
              <label className="choice">
                <input type="radio" name="openTextExport" checked={openTextExport} onChange={() => setOpenTextExport(true)} />
                <span>{t('inBeeld.newRound.openTextYes')}</span>
              </label>
            </div>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {busy ? t('inBeeld.newRound.busy') : t('inBeeld.newRound.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
