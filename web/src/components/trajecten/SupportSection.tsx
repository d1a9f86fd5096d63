import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';
import { codeLabel, codesOf, text, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { Framework, TrajectoryDetailView } from './types.ts';

/** Phase 4: coaching, intervision, supervision: how often, by whom, for whom. */
export function SupportSection({ detail, base, frameworks }: { detail: TrajectoryDetailView; base: string; frameworks: Framework[] }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const [kind, setKind] = useState('intervisie');
  const [frequency, setFrequency] = useState('');
  const [byWhom, setByWhom] = useState('');
  const [forWhom, setForWhom] = useState('');
  const save = useSave();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.run(() => api.post(`${base}/support`, { kind, frequency, byWhom, forWhom }), t('trajecten.supportSaved'));
    if (ok) {
      setFrequency('');
      setByWhom('');
      setForWhom('');
    }
  };
  return (
    <section className="section" aria-labelledby="support-heading">
      <h3 id="support-heading">{t('trajecten.supportHeading')}</h3>
      <SaveFeedback {...save} />
      {detail.support.length === 0 ? (
        <p>{t('trajecten.noSupport')}</p>
      ) : (
        <ul className="trajectory-list">
          {detail.support.map((s) => (
            <li key={s.id}>
              <strong>{codeLabel(frameworks, 'support', s.kind, lang)}</strong>:{' '}
              {t('trajecten.supportLine', { frequency: s.frequency, byWhom: s.byWhom, forWhom: s.forWhom })}{' '}
              {detail.me.canWrite && (
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => void save.run(() => api.delete(`${base}/support/${encodeURIComponent(s.id)}`), t('trajecten.supportRemoved'))}
                >
                  {t('trajecten.removeSupport', { kind: codeLabel(frameworks, 'support', s.kind, lang) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.me.canWrite && (
        <form className="form" noValidate onSubmit={submit} aria-busy={save.busy || undefined} aria-labelledby="new-support-heading">
          <h4 id="new-support-heading">{t('trajecten.newSupport')}</h4>
          <SelectField label={t('trajecten.supportKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {codesOf(frameworks, 'support')
              .filter((c) => !c.exclusive)
              .map((c) => (
                <option key={c.key} value={c.key}>
                  {text(c.label, lang)}
                </option>
              ))}
          </SelectField>
          <TextField
            label={t('trajecten.frequency')}
            hint={t('trajecten.frequencyHint')}
            value={frequency}
            onChange={(e) => setFrequency(e.target.value)}
            error={save.issue('frequency')}
          />
          <TextField label={t('trajecten.byWhom')} value={byWhom} onChange={(e) => setByWhom(e.target.value)} error={save.issue('byWhom')} />
          <TextField label={t('trajecten.forWhom')} value={forWhom} onChange={(e) => setForWhom(e.target.value)} error={save.issue('forWhom')} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.addSupport')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
