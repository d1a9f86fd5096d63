import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { Term } from '../Term.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { codesOf, text, useSave } from './helpers.ts';
import { usePositionLabel } from './positions.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { Framework, TrajectoryDetailView } from './types.ts';

/** Phase 2: what I bring: experiential knowledge (from which positions), professional knowledge, other. */
export function ContributionForm({ detail, base, frameworks }: { detail: TrajectoryDetailView; base: string; frameworks: Framework[] }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const mine = detail.contributions.find((c) => c.userId === detail.me.userId);
  const [experiential, setExperiential] = useState(mine?.experiential ?? false);
  const [positions, setPositions] = useState<string[]>(mine?.positions ?? []);
  const [experientialNote, setExperientialNote] = useState(mine?.experientialNote ?? '');
  const [professional, setProfessional] = useState(mine?.professional ?? false);
  const [professionalNote, setProfessionalNote] = useState(mine?.professionalNote ?? '');
  const [otherNote, setOtherNote] = useState(mine?.otherNote ?? '');
  const save = useSave();
  const positionLabel = usePositionLabel();
  if (!detail.me.isMember) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(
      () => api.put(`${base}/contribution`, { experiential, positions, experientialNote, professional, professionalNote, otherNote }),
      t('trajecten.contributionSaved'),
    );
  };
  return (
    <section className="section" aria-labelledby="contribution-heading">
      <h3 id="contribution-heading">{t('trajecten.contributionHeading')}</h3>
      <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
        <SaveFeedback {...save} />
        <label className="choice">
          <input type="checkbox" checked={experiential} onChange={(e) => setExperiential(e.target.checked)} />
          {t('trajecten.bringsExperiential')}
        </label>
        {experiential && (
          <>
            <fieldset className="field">
              <legend>{t('trajecten.positions')}</legend>
              <div className="choice-list">
                {codesOf(frameworks, 'knowledge_positions').map((c) => (
                  <label key={c.key} className="choice">
                    <input
                      type="checkbox"
                      checked={positions.includes(c.key)}
                      onChange={(e) => setPositions(e.target.checked ? [...positions, c.key] : positions.filter((p) => p !== c.key))}
                    />
                    {positionLabel(c.key, text(c.label, lang))}
                  </label>
                ))}
              </div>
              <Term term="positions" />
            </fieldset>
            <TextAreaField label={t('trajecten.experientialNote')} value={experientialNote} onChange={(e) => setExperientialNote(e.target.value)} />
          </>
        )}
        <label className="choice">
          <input type="checkbox" checked={professional} onChange={(e) => setProfessional(e.target.checked)} />
          {t('trajecten.bringsProfessional')}
        </label>
        {professional && (
          <TextAreaField label={t('trajecten.professionalNote')} value={professionalNote} onChange={(e) => setProfessionalNote(e.target.value)} />
        )}
        <TextAreaField label={t('trajecten.otherNote')} hint={t('trajecten.otherNoteHint')} value={otherNote} onChange={(e) => setOtherNote(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('trajecten.saveContribution')}
          </button>
        </div>
      </form>
    </section>
  );
}
