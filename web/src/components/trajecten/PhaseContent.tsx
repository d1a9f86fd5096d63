import { useT } from '../../i18n.ts';
import { Term, type TermKey } from '../Term.tsx';
import { AgreementForm } from './AgreementForm.tsx';
import { ChecksSection } from './ChecksSection.tsx';
import { ChoicesSection } from './ChoicesSection.tsx';
import { ContextForm } from './ContextForm.tsx';
import { ContributionForm } from './ContributionForm.tsx';
import { text } from './helpers.ts';
import { IntervisionSection } from './IntervisionSection.tsx';
import { KnowledgeMatrix } from './KnowledgeMatrix.tsx';
import { MandateForm } from './MandateForm.tsx';
import { RolesForm } from './RolesForm.tsx';
import { SupportSection } from './SupportSection.tsx';
import type { Framework, Phase, TopicKey, TrajectoryDetailView } from './types.ts';

/** The research terms behind a phase's plain wording. */
const PHASE_TERMS: Partial<Record<Phase['key'], TermKey[]>> = {
  visie: ['logics'],
  complementariteit: ['complementarity'],
  omkadering: ['omkadering'],
};

type Props = { detail: TrajectoryDetailView; base: string; pagePath: string; frameworks: Framework[]; phase: Phase };

/** One phase: the seed's words, the explanation and prompts, what is open, and where the team writes. */
export function PhaseContent({ detail, base, pagePath, frameworks, phase }: Props) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  const open = detail.openPoints.filter((p) => p.phase === phase.key);
  const topic = (key: TopicKey) => <AgreementForm key={key} detail={detail} base={base} topic={key} />;
  const experienceWorkers = detail.members.filter((m) => m.position === 'experience_worker');
  return (
    <>
      <blockquote className="trajectory-seed">
        <p>{text(phase.seed, lang)}</p>
      </blockquote>
      <p>{text(phase.explanation, lang)}</p>
      {PHASE_TERMS[phase.key]?.map((term) => (
        <Term key={term} term={term} />
      ))}
      <h3>{t('trajecten.prompts')}</h3>
      <ul className="trajectory-list">
        {phase.prompts.map((p) => (
          <li key={p.nl}>{text(p, lang)}</li>
        ))}
      </ul>
      <div className="notice">
        <p className="notice-title">{t('trajecten.openHeading', { count: open.length })}</p>
        {open.length > 0 ? (
          <ul>
            {open.map((p) => (
              <li key={p.key}>{p.label}</li>
            ))}
          </ul>
        ) : (
          <p>{t('trajecten.nothingOpen')}</p>
        )}
      </div>
      {phase.key === 'visie' && <ContextForm detail={detail} base={base} frameworks={frameworks} />}
      {phase.key === 'complementariteit' && (
        <>
          <ContributionForm detail={detail} base={base} frameworks={frameworks} />
          <KnowledgeMatrix detail={detail} frameworks={frameworks} />
        </>
      )}
      {phase.key === 'vertaling' && (
        <>
          {topic('wederzijdse_afstemming')}
          <section className="section" aria-labelledby="mandates-heading">
            <h3 id="mandates-heading">{t('trajecten.mandatesHeading')}</h3>
            {experienceWorkers.length === 0 ? (
              <p>{t('trajecten.noExperienceWorkers')}</p>
            ) : (
              detail.me.canWrite && experienceWorkers.map((m) => <MandateForm key={m.userId} detail={detail} base={base} frameworks={frameworks} member={m} />)
            )}
          </section>
          {topic('statuut_mandaat')}
          <RolesForm detail={detail} base={base} frameworks={frameworks} />
          {topic('functies_taken_rollen')}
          <ChoicesSection detail={detail} base={base} />
        </>
      )}
      {phase.key === 'omkadering' && (
        <>
          <SupportSection detail={detail} base={base} frameworks={frameworks} />
          <IntervisionSection detail={detail} base={base} pagePath={pagePath} />
          {topic('omkadering')}
          {topic('kritische_functie')}
        </>
      )}
      {phase.key === 'evaluatie' && <ChecksSection detail={detail} base={base} />}
      {phase.key !== 'vertaling' && phase.key !== 'omkadering' && phase.topics.map((tp) => topic(tp.key))}
    </>
  );
}
