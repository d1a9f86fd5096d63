import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { TextAreaField } from '../TextAreaField.tsx';
import { codesOf, text, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { Framework, TrajectoryDetailView } from './types.ts';

type Member = TrajectoryDetailView['members'][number];

/** Phase 3: the status and mandate of one experience worker: volunteer, paid or self-employed; what they may decide and sign. */
export function MandateForm({ detail, base, frameworks, member }: { detail: TrajectoryDetailView; base: string; frameworks: Framework[]; member: Member }) {
  const { t, i18n } = useT();
  const current = detail.mandates.find((m) => m.userId === member.userId);
  const [statuses, setStatuses] = useState<string[]>(current?.statuses ?? []);
  const [mayDecide, setMayDecide] = useState(current?.mayDecide ?? '');
  const [maySign, setMaySign] = useState(current?.maySign ?? '');
  const [informal, setInformal] = useState(current?.informal ?? '');
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(
      () => api.put(`${base}/mandates/${encodeURIComponent(member.userId)}`, { statuses, mayDecide, maySign, informal }),
      t('trajecten.mandateSaved', { name: member.displayName }),
    );
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined} aria-labelledby={`mandate-${member.userId}`}>
      <h4 id={`mandate-${member.userId}`}>{t('trajecten.mandateOf', { name: member.displayName })}</h4>
      <SaveFeedback {...save} />
      <fieldset className="field">
        <legend>{t('trajecten.status')}</legend>
        <div className="choice-list">
          {codesOf(frameworks, 'status').map((c) => (
            <label key={c.key} className="choice">
              <input
                type="checkbox"
                checked={statuses.includes(c.key)}
                onChange={(e) => setStatuses(e.target.checked ? [...statuses, c.key] : statuses.filter((s) => s !== c.key))}
              />
              {text(c.label, i18n.resolvedLanguage)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField label={t('trajecten.mayDecide', { name: member.displayName })} value={mayDecide} onChange={(e) => setMayDecide(e.target.value)} />
      <TextAreaField label={t('trajecten.maySign', { name: member.displayName })} value={maySign} onChange={(e) => setMaySign(e.target.value)} />
      <TextAreaField
        label={t('trajecten.informalMandate', { name: member.displayName })}
        hint={t('trajecten.informalMandateHint')}
        value={informal}
        onChange={(e) => setInformal(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          {t('trajecten.saveMandate', { name: member.displayName })}
        </button>
      </div>
    </form>
  );
}
