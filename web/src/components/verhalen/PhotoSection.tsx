import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { TextField } from '../TextField.tsx';
import { checkPhotoFile, photoError, translateIssues } from './issues.ts';
import { PeopleChoice } from './PeopleChoice.tsx';
import type { PhotoPeople, Story } from './types.ts';

const fields = ['photo', 'photoAlt', 'photoPeople'] as const;

/** The author adds, replaces or removes the photo, and describes it and who is on it. */
export function PhotoSection({
  orgId,
  story,
  maxBytes,
  onChanged,
}: {
  orgId: string;
  story: Story;
  maxBytes: number;
  onChanged: (story: Story, message: string) => void;
}) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState(story.photo?.alt ?? '');
  const [people, setPeople] = useState<PhotoPeople | ''>(story.photo?.people ?? '');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const hasPhoto = story.photo !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const ok = check({
      photo: file ? checkPhotoFile(file, maxBytes) : hasPhoto ? undefined : t('verhalen.photo.choose'),
      photoAlt: alt.trim() ? undefined : t('verhalen.photo.altRequired'),
      photoPeople: people ? undefined : t('verhalen.photo.peopleRequired'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      if (file) {
        setProgress(t('verhalen.form.savingPhoto'));
        try {
          await api.put(apiPath`/api/orgs/${orgId}/stories/${story.id}/photo`, file);
        } catch (caught) {
          throw photoError(caught, maxBytes);
        }
      }
      const saved = await api.patch<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}`, { photoAlt: alt.trim(), photoPeople: people });
      setFile(null);
      if (formRef.current) formRef.current.reset();
      onChanged(saved, t('verhalen.photo.saved'));
    } catch (caught) {
      fail(translateIssues(caught));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const saved = await api.delete<Story>(apiPath`/api/orgs/${orgId}/stories/${story.id}/photo`);
      setAlt('');
      setPeople('');
      onChanged(saved, t('verhalen.photo.removed'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="photo-heading">
      <h2 id="photo-heading">{t('verhalen.photo.heading')}</h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorAlert key={attempt} message={formError?.message ?? null} requestId={formError?.requestId} />
        <Field
          label={hasPhoto ? t('verhalen.photo.replace') : t('verhalen.photo.file')}
          hint={t('verhalen.photo.fileHint', { mb: Math.round(maxBytes / 1024 / 1024) })}
          error={fieldErrors.photo}
        >
          {(control) => (
            <input {...control} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          )}
        </Field>
        <TextField
          label={t('verhalen.photo.alt')}
          hint={t('verhalen.photo.altHint')}
          value={alt}
          onChange={(e) => setAlt(e.currentTarget.value)}
          error={fieldErrors.photoAlt}
          maxLength={500}
        />
        <PeopleChoice value={people} onChange={setPeople} error={fieldErrors.photoPeople} />
        <p className="status-message" role="status">
          {progress}
        </p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('verhalen.photo.save')}
          </button>
          {hasPhoto && (
            <button type="button" className="button button-danger-outline" onClick={() => void remove()} disabled={busy}>
              {t('verhalen.photo.remove')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
