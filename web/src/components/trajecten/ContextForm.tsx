import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { codesOf, text, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { Framework, TrajectoryDetailView } from './types.ts';

/** Phase 1: the team's own context: for whom, which sector, which of the three logics. */
export function ContextForm({ detail, base, frameworks }: { detail: TrajectoryDetailView; base: string; frameworks: Framework[] }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const [who, setWho] = useState(detail.context.who);
  const [sector, setSector] = useState(detail.context.sector ?? '');
  const [logics, setLogics] = useState<string[]>(detail.context.logics);
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(() => api.patch(base, { contextWho: who, contextSector: sector || null, logics }), t('trajecten.contextSaved'));
  };
  if (!detail.me.canWrite) return null;
  return (
    <section className="section" aria-labelledby="context-heading">
      <h3 id="context-heading">{t('trajecten.contextHeading')}</h3>
      <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
        <SaveFeedback {...save} />
        <TextAreaField
          label={t('trajecten.contextWho')}
          hint={t('trajecten.contextWhoHint')}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          error={save.issue('contextWho')}
        />
        <SelectField label={t('trajecten.sector')} value={sector} onChange={(e) => setSector(e.target.value)} error={save.issue('contextSector')}>
          <option value="">{t('trajecten.chooseSector')}</option>
          {codesOf(frameworks, 'sectors').map((c) => (
            <option key={c.key} value={c.key}>
              {text(c.label, lang)}
            </option>
          ))}
        </SelectField>
        <fieldset className="field">
          <legend>{t('trajecten.logics')}</legend>
          <p className="field-hint">{t('trajecten.logicsHint')}</p>
          <div className="choice-list">
            {codesOf(frameworks, 'logics').map((c) => (
              <label key={c.key} className="choice">
                <input
                  type="checkbox"
                  checked={logics.includes(c.key)}
                  onChange={(e) => setLogics(e.target.checked ? [...logics, c.key] : logics.filter((l) => l !== c.key))}
                />
                <span>
                  {text(c.label, lang)}
                  <span className="field-hint"> — {text(c.definition, lang)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('trajecten.saveContext')}
          </button>
        </div>
      </form>
    </section>
  );
}
