import { type FormEvent, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useNavigate } from 'react-router';
import { requireOrganisation, useOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { loadLabels } from '../components/signalen/labels.ts';
import { type Signal, signalLevels } from '../components/signalen/types.ts';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { TextField } from '../components/TextField.tsx';
import '../components/signalen/signalen.css';
import { Term } from '../components/Term.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { currentLanguage, useT } from '../i18n.ts';
import { useMe } from '../session.ts';

type StoryOption = { id: string; title: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const signal = request.signal;
  const url = new URL(request.url);
  const [labels, stories] = await Promise.all([
    loadLabels(org.id, signal),
    api.get<{ stories: StoryOption[] }>(apiPath`/api/orgs/${org.id}/stories?purpose=view`, { signal }),
  ]);
  const preselected = (url.searchParams.get('stories') ?? '').split(',').filter((id) => stories.stories.some((s) => s.id === id));
  return {
    labels,
    stories: stories.stories,
    preset: {
      title: url.searchParams.get('title') ?? '',
      storyIds: preselected,
      memberCheck: url.searchParams.get('memberCheck') === '1',
      sourceCodeId: url.searchParams.get('code'),
    },
  };
}

const fields = ['title', 'observation', 'barrierFor', 'logic', 'theme', 'level', 'teamId', 'storyIds'] as const;

/** Raise a signal: what was seen, for whom it is a barrier, which logic, where it should land. */
export function Component() {
  const { t } = useT();
  const org = useOrganisation();
  const me = useMe();
  const navigate = useNavigate();
  const { labels, stories, preset } = useLoaderData<typeof loader>();
  const lang = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const teams = me.teams.filter((team) => team.organisationId === org.id);
  const [values, setValues] = useState({
    title: preset.title,
    observation: '',
    barrierFor: '',
    logic: '',
    theme: '',
    level: 'organisation',
    teamId: teams[0]?.id ?? '',
  });
  const [storyIds, setStoryIds] = useState<string[]>(preset.storyIds);
  const [memberCheck, setMemberCheck] = useState(preset.memberCheck);
  const [busy, setBusy] = useState(false);
  const logics = labels.frameworks.find((f) => f.key === 'logics')?.codes ?? [];
  const themes = labels.frameworks.find((f) => f.key === 'themes')?.codes ?? [];
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const required = t('signalen.raise.required');
    if (
      !check({
        title: values.title.trim() ? undefined : required,
        observation: values.observation.trim() ? undefined : required,
        barrierFor: values.barrierFor.trim() ? undefined : required,
        logic: values.logic ? undefined : t('signalen.raise.chooseLogic'),
      })
    )
      return;
    setBusy(true);
    try {
      const created = await api.post<Signal>(apiPath`/api/orgs/${org.id}/signals`, {
        title: values.title,
        observation: values.observation,
        barrierFor: values.barrierFor,
        logic: values.logic,
        theme: values.theme || null,
        level: values.level,
        teamId: values.teamId || null,
        storyIds,
        memberCheck,
        sourceCodeId: preset.sourceCodeId,
      });
      navigate(`/o/${org.id}/kruisbestuiving/signalen/${created.id}`);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${org.id}/kruisbestuiving/signalen`}>{t('signalen.back')}</Link>
      </p>
      <PageTitle text={t('signalen.raise.title')} />
      <p className="lead">{t('signalen.raise.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} />
        <TextField label={t('signalen.raise.titleLabel')} name="title" maxLength={200} value={values.title} onChange={set('title')} error={fieldErrors.title} />
        <TextAreaField
          label={t('signalen.raise.observation')}
          hint={t('signalen.raise.observationHint')}
          name="observation"
          rows={5}
          maxLength={5000}
          value={values.observation}
          onChange={set('observation')}
          error={fieldErrors.observation}
        />
        <TextAreaField
          label={t('signalen.raise.barrierFor')}
          hint={t('signalen.raise.barrierForHint')}
          name="barrierFor"
          maxLength={1000}
          value={values.barrierFor}
          onChange={set('barrierFor')}
          error={fieldErrors.barrierFor}
        />
        <fieldset className="field" aria-describedby={fieldErrors.logic ? 'logic-error' : undefined}>
          <legend>{t('signalen.raise.logic')}</legend>
          {fieldErrors.logic && (
            <p className="field-error" id="logic-error">
              {fieldErrors.logic}
            </p>
          )}
          <div className="choice-list">
            {logics.map((code) => (
              <label key={code.key} className="choice">
                <input type="radio" name="logic" value={code.key} checked={values.logic === code.key} onChange={set('logic')} /> {code.label[lang]}
              </label>
            ))}
          </div>
          <Term term="logics" />
        </fieldset>
        <SelectField label={t('signalen.raise.theme')} name="theme" value={values.theme} onChange={set('theme')} error={fieldErrors.theme}>
          <option value="">{t('signalen.raise.noTheme')}</option>
          {themes.map((code) => (
            <option key={code.key} value={code.key}>
              {code.label[lang]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('signalen.raise.level')} hint={t('signalen.raise.levelHint')} name="level" value={values.level} onChange={set('level')}>
          {signalLevels.map((level) => (
            <option key={level} value={level}>
              {t(`signalen.level.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('signalen.raise.team')}
          hint={t('signalen.raise.teamHint')}
          name="teamId"
          value={values.teamId}
          onChange={set('teamId')}
          error={fieldErrors.teamId}
        >
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          <option value="">{t('signalen.wholeOrganisation')}</option>
        </SelectField>
        <fieldset className="field">
          <legend>{t('signalen.raise.stories')}</legend>
          <p className="field-hint">{t('signalen.raise.storiesHint')}</p>
          {fieldErrors.storyIds && <p className="field-error">{fieldErrors.storyIds}</p>}
          {stories.length === 0 ? (
            <p>{t('signalen.raise.noStories')}</p>
          ) : (
            <div className="choice-list">
              {stories.map((story) => (
                <label key={story.id} className="choice">
                  <input
                    type="checkbox"
                    checked={storyIds.includes(story.id)}
                    onChange={(event) => setStoryIds((ids) => (event.target.checked ? [...ids, story.id] : ids.filter((id) => id !== story.id)))}
                  />{' '}
                  {story.title}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={memberCheck} onChange={(event) => setMemberCheck(event.target.checked)} /> {t('signalen.raise.memberCheck')}
          </label>
          <p className="field-hint">{t('signalen.raise.memberCheckHint')}</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {memberCheck ? t('signalen.raise.submitCheck') : t('signalen.raise.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
