import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import type { MyTeam } from '../../types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import type { Framework } from '../inbeeld/types.ts';
import { SelectField } from '../SelectField.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { AnonymityReview } from './AnonymityReview.tsx';
import { checkPhotoFile, photoError, translateIssues } from './issues.ts';
import { PeopleChoice } from './PeopleChoice.tsx';
import { ScopeChoiceList } from './ScopeChoiceList.tsx';
import { TagFields } from './TagFields.tsx';
import { type ConsentScope, type Finding, type PhotoPeople, type Story, type StoryTags, storyPath, widerThanTeam } from './types.ts';

const fields = ['title', 'text', 'caption', 'pseudonym', 'teamId', 'scope', 'photo', 'photoAlt', 'photoPeople'] as const;
type FieldName = (typeof fields)[number];

const emptyTags = (): StoryTags => ({ knowledge_positions: [], logics: [], roles: [], themes: [], experiential_knowledge_marks: [] });

type Props = { orgId: string; teams: MyTeam[]; frameworks: Framework[]; maxBytes: number; story?: Story; onSaved?: (story: Story) => void };

/** The text of a story as it is checked for identifying details: title, caption and text together. */
export const checkedText = (title: string, caption: string, text: string) => [title, caption, text].filter((part) => part.trim()).join('\n\n');

/**
 * Sharing a story (or changing one's own). A new story can get a photo; it starts with the scope the
 * author picks, at most 'research': public use is a separate step with the media checklist.
 */
export function StoryForm({ orgId, teams, frameworks, maxBytes, story, onSaved }: Props) {
  const { t } = useT();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors<FieldName>(formRef, fields);
  const editing = story !== undefined;
  const [title, setTitle] = useState(story?.title ?? '');
  const [text, setText] = useState(story?.text ?? '');
  const [caption, setCaption] = useState(story?.caption ?? '');
  const [pseudonym, setPseudonym] = useState(story?.pseudonym ?? '');
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [scope, setScope] = useState<ConsentScope>('team');
  const [file, setFile] = useState<File | null>(null);
  const [photoAlt, setPhotoAlt] = useState('');
  const [people, setPeople] = useState<PhotoPeople | ''>('');
  const [tags, setTags] = useState<StoryTags>(story ? { ...emptyTags(), ...story.tags } : emptyTags());
  const [review, setReview] = useState<Finding[] | null>(null);
  const [reviewedText, setReviewedText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const effectiveScope = editing ? story.scope : scope;
  const choosableScopes: ConsentScope[] = teams.length ? ['private', 'team', 'organisation', 'research'] : ['private', 'organisation', 'research'];

  const validate = () =>
    check({
      title: title.trim() ? undefined : t('verhalen.issues.required'),
      text: text.trim() || caption.trim() || file ? undefined : t('verhalen.form.textOrPhoto'),
      photo: file ? checkPhotoFile(file, maxBytes) : undefined,
      photoAlt: file && !photoAlt.trim() ? t('verhalen.photo.altRequired') : undefined,
      photoPeople: file && !people ? t('verhalen.photo.peopleRequired') : undefined,
    });

  const save = async (skipReview: boolean) => {
    if (busy || !validate()) return;
    const combined = checkedText(title, caption, text);
    if (!skipReview && widerThanTeam(effectiveScope) && combined !== reviewedText) {
      setBusy(true);
      try {
        const { findings } = await api.post<{ findings: Finding[] }>(apiPath`/api/orgs/${orgId}/stories/anonymity-check`, { text: combined });
        setReviewedText(combined);
        if (findings.length > 0) {
          setReview(findings);
          return;
        }
      } catch (caught) {
        fail(caught);
        return;
      } finally {
        setBusy(false);
      }
    }
    setReview(null);
    setBusy(true);
    try {
      const content = {
        title: title.trim(),
        text: text.trim() || (editing ? null : undefined),
        caption: caption.trim() || (editing ? null : undefined),
        pseudonym: pseudonym.trim() || (editing ? null : undefined),
        tags,
      };
      if (editing) {
        const saved = await api.patch<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}`, content);
        onSaved?.(saved);
        return;
      }
      setProgress(t('verhalen.form.savingStory'));
      const created = await api.post<Story>(apiPath`/api/orgs/${orgId}/stories`, { ...content, scope, ...(teamId ? { teamId } : {}) });
      let photoProblem: string | null = null;
      if (file) {
        setProgress(t('verhalen.form.savingPhoto'));
        try {
          await api.put(apiPath`/api/orgs/${orgId}/stories/${created.id}/photo`, file);
          await api.patch(apiPath`/api/orgs/${orgId}/stories/${created.id}`, { photoAlt: photoAlt.trim(), photoPeople: people });
        } catch (caught) {
          const error = photoError(caught, maxBytes);
          photoProblem = error instanceof Error ? error.message : t('common.unknownError');
        }
      }
      navigate(storyPath(orgId, created.id), {
        state: { message: photoProblem ? t('verhalen.form.savedWithoutPhoto', { problem: photoProblem }) : t('verhalen.form.saved') },
      });
    } catch (caught) {
      fail(translateIssues(caught));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <>
      <form ref={formRef} className="form story-form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
        <TextField
          label={t('verhalen.form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldErrors.title}
          maxLength={200}
          required
        />
        <TextAreaField
          ref={textRef}
          label={t('verhalen.form.text')}
          hint={t('verhalen.form.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldErrors.text}
          rows={8}
          maxLength={20000}
        />
        {!editing && (
          <fieldset className="field photo-fields">
            <legend>{t('verhalen.photo.legend')}</legend>
            <Field label={t('verhalen.photo.file')} hint={t('verhalen.photo.fileHint', { mb: Math.round(maxBytes / 1024 / 1024) })} error={fieldErrors.photo}>
              {(control) => (
                <input {...control} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
              )}
            </Field>
            {file && (
              <>
                <PhotoPreview file={file} alt={photoAlt} />
                <TextField
                  label={t('verhalen.photo.alt')}
                  hint={t('verhalen.photo.altHint')}
                  value={photoAlt}
                  onChange={(e) => setPhotoAlt(e.currentTarget.value)}
                  error={fieldErrors.photoAlt}
                  maxLength={500}
                />
                <PeopleChoice value={people} onChange={setPeople} error={fieldErrors.photoPeople} />
              </>
            )}
          </fieldset>
        )}
        <TextAreaField
          label={t('verhalen.form.caption')}
          hint={t('verhalen.form.captionHint')}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
          error={fieldErrors.caption}
          maxLength={1000}
        />
        <TextField
          label={t('verhalen.form.pseudonym')}
          hint={t('verhalen.form.pseudonymHint')}
          value={pseudonym}
          onChange={(e) => setPseudonym(e.currentTarget.value)}
          error={fieldErrors.pseudonym}
          maxLength={60}
          autoComplete="off"
        />
        {!editing && teams.length > 1 && (
          <SelectField label={t('verhalen.form.team')} value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)} error={fieldErrors.teamId}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectField>
        )}
        {!editing && (
          <fieldset className="field">
            <legend>{t('verhalen.form.scope')}</legend>
            <p className="field-hint">{t('verhalen.form.scopeHint')}</p>
            {fieldErrors.scope && <p className="field-error">{fieldErrors.scope}</p>}
            <ScopeChoiceList name="scope" scopes={choosableScopes} value={scope} onChange={setScope} />
          </fieldset>
        )}
        <details className="tag-details" open={editing}>
          <summary>{t('verhalen.form.tagsSummary')}</summary>
          <TagFields frameworks={frameworks} value={tags} onChange={setTags} />
        </details>
        <p className="status-message" role="status">
          {progress}
        </p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {editing ? t('verhalen.form.saveChanges') : t('verhalen.form.share')}
          </button>
        </div>
      </form>
      {review && (
        <AnonymityReview
          text={reviewedText ?? ''}
          findings={review}
          busy={busy}
          onEdit={() => {
            setReview(null);
            textRef.current?.focus();
          }}
          onShareAnyway={() => void save(true)}
        />
      )}
    </>
  );
}

/** The chosen photo, shown on this device before anything is sent: the author sees what they are about to share. */
function PhotoPreview({ file, alt }: { file: File; alt: string }) {
  const { t } = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  if (!url) return null;
  return (
    <figure className="photo-preview">
      <img src={url} alt={alt.trim() || t('verhalen.photo.previewAlt')} />
      <figcaption>{t('verhalen.photo.preview')}</figcaption>
    </figure>
  );
}
