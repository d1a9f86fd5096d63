import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { TextField } from '../TextField.tsx';
import { useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { TrajectoryDetailView } from './types.ts';

/** The trajectory's name, changed by anyone who may write in it. */
export function RenameForm({ detail, base }: { detail: TrajectoryDetailView; base: string }) {
  const { t } = useT();
  const [title, setTitle] = useState(detail.title);
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(() => api.patch(base, { title }), t('trajecten.titleSaved'));
  };
  return (
    <details className="trajectory-review">
      <summary>{t('trajecten.rename')}</summary>
      <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
        <SaveFeedback {...save} />
        <TextField label={t('trajecten.trajectoryTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={save.issue('title')} />
        <div className="button-row">
          <button type="submit" className="button button-secondary">
            {t('trajecten.saveTitle')}
          </button>
        </div>
      </form>
    </details>
  );
}
