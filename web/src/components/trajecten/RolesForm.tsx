import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { codesOf, text, useSave } from './helpers.ts';
import { SaveFeedback } from './SaveFeedback.tsx';
import type { Framework, TrajectoryDetailView } from './types.ts';

type Assignment = { roleKey: string; userId: string; hoursPerWeek: number | null };

/** Phase 3: the nine roles of the framework: who takes which, with how many hours a week. */
export function RolesForm({ detail, base, frameworks }: { detail: TrajectoryDetailView; base: string; frameworks: Framework[] }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const [assignments, setAssignments] = useState<Assignment[]>(detail.roles);
  const save = useSave();
  const roles = codesOf(frameworks, 'roles').filter((r) => !r.exclusive);
  const find = (roleKey: string, userId: string) => assignments.find((a) => a.roleKey === roleKey && a.userId === userId);
  const toggle = (roleKey: string, userId: string, on: boolean) =>
    setAssignments(on ? [...assignments, { roleKey, userId, hoursPerWeek: null }] : assignments.filter((a) => !(a.roleKey === roleKey && a.userId === userId)));
  const setHours = (roleKey: string, userId: string, value: string) =>
    setAssignments(assignments.map((a) => (a.roleKey === roleKey && a.userId === userId ? { ...a, hoursPerWeek: value === '' ? null : Number(value) } : a)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(() => api.put(`${base}/roles`, { assignments }), t('trajecten.rolesSaved'));
  };
  return (
    <section className="section" aria-labelledby="roles-heading">
      <h3 id="roles-heading">{t('trajecten.rolesHeading')}</h3>
      <p>{t('trajecten.rolesIntro')}</p>
      <form className="form form-wide" noValidate onSubmit={submit} aria-busy={save.busy || undefined}>
        <SaveFeedback {...save} />
        {roles.map((role) => (
          <fieldset key={role.key} className="field trajectory-role">
            <legend>
              {text(role.label, lang)} <span className="field-hint">— {text(role.definition, lang)}</span>
            </legend>
            <div className="choice-list">
              {detail.members.map((m) => {
                const assigned = find(role.key, m.userId);
                return (
                  <div key={m.userId} className="trajectory-role-member">
                    <label className="choice">
                      <input
                        type="checkbox"
                        disabled={!detail.me.canWrite}
                        checked={assigned !== undefined}
                        onChange={(e) => toggle(role.key, m.userId, e.target.checked)}
                      />
                      {m.displayName}
                    </label>
                    {assigned && (
                      <label className="trajectory-hours">
                        {t('trajecten.hoursFor', { name: m.displayName, role: text(role.label, lang) })}
                        <input
                          type="number"
                          min={0}
                          max={80}
                          step={0.5}
                          value={assigned.hoursPerWeek ?? ''}
                          onChange={(e) => setHours(role.key, m.userId, e.target.value)}
                        />
                      </label>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        {detail.me.canWrite && (
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('trajecten.saveRoles')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
