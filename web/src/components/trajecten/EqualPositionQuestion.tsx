import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { TrajectoryDetailView } from './types.ts';

type Entry = TrajectoryDetailView['equalPosition'][number];

/** One question of the dialogue: every member's view side by side, then the team's position and reason. */
export function EqualPositionQuestion({ detail, base, entry, question }: { detail: TrajectoryDetailView; base: string; entry: Entry; question: string }) {
  const { t } = useT();
  const mine = entry.views.find((v) => v.userId === detail.me.userId);
  const [view, setView] = useState(mine?.view ?? '');
  const [position, setPosition] = useState(entry.position?.position ?? '');
  const [reason, setReason] = useState(entry.position?.reason ?? '');
  const viewSave = useSave();
  const positionSave = useSave();
  const url = `${base}/equal-position/${entry.key}`;
  // Open at first when the talk has started but the team has no position yet; after that the person decides.
  const [initiallyOpen] = useState(entry.views.length > 0 && !entry.position);
  const saveView = async (event: FormEvent) => {
    event.preventDefault();
    await viewSave.run(() => api.put(`${url}/view`, { view }), t('trajecten.viewSaved'));
  };
  const savePosition = async (event: FormEvent) => {
    event.preventDefault();
    await positionSave.run(() => api.put(`${url}/position`, { position, reason }), t('trajecten.positionSaved'));
  };
  return (
    <details className="trajectory-question" open={initiallyOpen}>
      <summary>
        {question}
        {entry.position ? <span className="tag">{t('trajecten.hasPosition')}</span> : <span className="tag tag-open">{t('trajecten.open')}</span>}
      </summary>
      <h5>{t('trajecten.viewsHeading')}</h5>
      {entry.views.length === 0 ? (
        <p>{t('trajecten.noViews')}</p>
      ) : (
        <ul className="trajectory-list">
          {entry.views.map((v) => (
            <li key={v.userId}>
              <strong>{v.displayName}:</strong> {v.view}
            </li>
          ))}
        </ul>
      )}
      {detail.me.isMember && (
        <form className="form" noValidate onSubmit={saveView} aria-busy={viewSave.busy || undefined}>
          <SaveFeedback {...viewSave} />
          <TextAreaField label={t('trajecten.myView', { question })} value={view} onChange={(e) => setView(e.target.value)} error={viewSave.issue('view')} />
          <div className="button-row">
            <button type="submit" className="button button-secondary">
              {t('trajecten.saveView')}
            </button>
          </div>
        </form>
      )}
      {detail.me.canWrite && (
        <form className="form" noValidate onSubmit={savePosition} aria-busy={positionSave.busy || undefined}>
          <SaveFeedback {...positionSave} />
          <TextAreaField
            label={t('trajecten.teamPosition', { question })}
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            error={positionSave.issue('position')}
          />
          <TextAreaField
            label={t('trajecten.positionReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={positionSave.issue('reason')}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.savePosition')}
            </button>
          </div>
        </form>
      )}
      {!detail.me.canWrite && entry.position && (
        <p>
          {t('trajecten.positionLine', { position: entry.position.position })} {t('trajecten.because', { reason: entry.position.reason })}
        </p>
      )}
    </details>
  );
}
