import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { MyTeam } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Framework } from '../inbeeld/types.ts';
import { SelectField } from '../SelectField.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { translateIssues } from './issues.ts';
import type { Project } from './types.ts';

const fields = ['title', 'theme', 'themeCode', 'description', 'teamId'] as const;

/** A facilitator starts a photovoice project with a theme (optionally one of the themes framework). */
export function NewProjectForm({ orgId, teams, themes }: { orgId: string; teams: MyTeam[]; themes: Framework | undefined }) {
  const { t } = useT();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [themeCode, setThemeCode] = useState('');
  const [description, setDescription] = useState('');
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!check({ title: title.trim() ? undefined : t('verhalen.issues.required'), theme: theme.trim() ? undefined : t('verhalen.issues.required') })) return;
    setBusy(true);
    try {
      const project = await api.post<Project>(apiPath`/api/orgs/${orgId}/photovoice`, {
        title: title.trim(),
        theme: theme.trim(),
        ...(themeCode ? { themeCode } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(teamId ? { teamId } : {}),
      });
      navigate(`/o/${orgId}/kruisbestuiving/photovoice/${project.id}`, { state: { message: t('verhalen.photovoice.created') } });
    } catch (caught) {
      fail(translateIssues(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={busy}>
      <h3>{t('verhalen.photovoice.newHeading')}</h3>
      <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
      <TextField
        label={t('verhalen.photovoice.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldErrors.title}
        maxLength={200}
      />
      <TextField
        label={t('verhalen.photovoice.theme')}
        hint={t('verhalen.photovoice.themeHint')}
        value={theme}
        onChange={(e) => setTheme(e.currentTarget.value)}
        error={fieldErrors.theme}
        maxLength={500}
      />
      {themes && (
        <SelectField
          label={t('verhalen.photovoice.themeCode')}
          value={themeCode}
          onChange={(e) => setThemeCode(e.currentTarget.value)}
          error={fieldErrors.themeCode}
        >
          <option value="">{t('verhalen.photovoice.noThemeCode')}</option>
          {themes.codes.map((code) => (
            <option key={code.key} value={code.key}>
              {code.label[lang]}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t('verhalen.photovoice.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        maxLength={4000}
      />
      {teams.length > 0 && (
        <SelectField label={t('verhalen.photovoice.team')} value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)} error={fieldErrors.teamId}>
          <option value="">{t('verhalen.photovoice.wholeOrganisation')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('verhalen.photovoice.start')}
        </button>
      </div>
    </form>
  );
}
