import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, apiPath } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { StoryByline, StoryCardPhoto } from './StoryCard.tsx';
import { type Project, type ProjectEntry, storyPath } from './types.ts';

type Props = {
  orgId: string;
  project: Project;
  entry: ProjectEntry;
  onChanged: (project: Project, message: string) => void;
  onError: (message: string) => void;
};

/** One photo in a photovoice project; the facilitator records the group's choice and caption here. */
export function EntryCard({ orgId, project, entry, onChanged, onError }: Props) {
  const { t } = useT();
  const story = entry.story;
  const [selected, setSelected] = useState(entry.selected);
  const [caption, setCaption] = useState(entry.groupCaption ?? '');
  const [busy, setBusy] = useState(false);
  const base = apiPath`/api/orgs/${orgId}/photovoice/${project.id}/entries/${story.id}`;

  const run = async (action: () => Promise<Project>, message: string) => {
    setBusy(true);
    try {
      onChanged(await action(), message);
    } catch (caught) {
      onError(caught instanceof Error ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.patch<Project>(base, { selected, groupCaption: caption.trim() || null }), t('verhalen.photovoice.entrySaved', { title: story.title }));
  };

  return (
    <li className={`story-card${entry.selected ? ' entry-selected' : ''}`}>
      <StoryCardPhoto orgId={orgId} story={story} />
      <div className="story-card-body">
        <h3 className="story-card-title">
          <Link to={storyPath(orgId, story.id)}>{story.title}</Link>
        </h3>
        <p className="meta">
          <StoryByline story={story} />
        </p>
        {(entry.groupCaption ?? story.caption) && <p className="story-card-excerpt">{entry.groupCaption ?? story.caption}</p>}
        <p className="story-card-badges">
          {entry.selected && <span className="scope-badge">{t('verhalen.photovoice.selectedBadge')}</span>}
          <span className={`scope-badge${entry.publicReady ? '' : ' scope-badge-withdrawn'}`}>
            {entry.publicReady ? t('verhalen.photovoice.publicReady') : t('verhalen.photovoice.notPublic')}
          </span>
        </p>
        {project.isFacilitator && (
          <form className="entry-form" onSubmit={save}>
            <label className="choice">
              <input type="checkbox" checked={selected} onChange={(e) => setSelected(e.currentTarget.checked)} />
              <span>{t('verhalen.photovoice.select', { title: story.title })}</span>
            </label>
            <TextAreaField
              label={t('verhalen.photovoice.groupCaption')}
              value={caption}
              onChange={(e) => setCaption(e.currentTarget.value)}
              rows={2}
              maxLength={1000}
            />
            <button type="submit" className="button button-small button-primary" disabled={busy}>
              {t('verhalen.photovoice.saveEntry', { title: story.title })}
            </button>
          </form>
        )}
        {(story.isOwn || project.isFacilitator) && (
          <button
            type="button"
            className="button button-small button-danger-outline"
            disabled={busy}
            onClick={() => void run(() => api.delete<Project>(base), t('verhalen.photovoice.entryRemoved', { title: story.title }))}
          >
            {t('verhalen.photovoice.removeEntry', { title: story.title })}
          </button>
        )}
      </div>
    </li>
  );
}
