import { NavLink } from 'react-router';
import { useT } from '../../i18n.ts';
import { text } from './helpers.ts';
import { phases, type TrajectoryDetailView } from './types.ts';

/** The steps of the trajectory, the dialogue and the charter; the team's current phase is marked. */
export function PhaseNav({ detail, pagePath }: { detail: TrajectoryDetailView; pagePath: string }) {
  const { t, i18n } = useT();
  const openIn = (phase: string) => detail.openPoints.filter((p) => p.phase === phase).length;
  return (
    <nav aria-label={t('trajecten.phasesNav')} className="trajectory-nav">
      <ol>
        {phases.map((p) => (
          <li key={p.key}>
            <NavLink to={`${pagePath}/${p.key}`}>
              <span className="trajectory-nav-number">{p.number}.</span> {text(p.title, i18n.resolvedLanguage)}
              {detail.phase === p.key && <span className="tag">{t('trajecten.currentPhase')}</span>}
              <span className="visually-hidden"> ({t('trajecten.openCount', { count: openIn(p.key) })})</span>
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to={`${pagePath}/evenwaardige-positie`}>
            {t('trajecten.equalTitle')}
            <span className="visually-hidden"> ({t('trajecten.openCount', { count: openIn('evenwaardige_positie') })})</span>
          </NavLink>
        </li>
        <li>
          <NavLink to={`${pagePath}/kader`}>{t('trajecten.charterTitle')}</NavLink>
        </li>
      </ol>
    </nav>
  );
}
