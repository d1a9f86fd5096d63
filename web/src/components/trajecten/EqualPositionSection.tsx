import { useT } from '../../i18n.ts';
import { EqualPositionQuestion } from './EqualPositionQuestion.tsx';
import { text } from './helpers.ts';
import { dialogueClusters, dialogueQuestions, type TrajectoryDetailView } from './types.ts';

/** "Een evenwaardige positie, maar…" and the central discussions: the seed's questions as a dialogue, cluster by cluster. */
export function EqualPositionSection({ detail, base }: { detail: TrajectoryDetailView; base: string }) {
  const { t, i18n } = useT();
  const lang = i18n.resolvedLanguage;
  return (
    <>
      <p className="lead">{t('trajecten.equalIntro')}</p>
      <p>{t('trajecten.equalHow')}</p>
      {dialogueClusters.map((cluster) => (
        <section key={cluster.key} className="section" aria-labelledby={`cluster-${cluster.key}`}>
          <h2 id={`cluster-${cluster.key}`}>{text(cluster.title, lang)}</h2>
          {dialogueQuestions
            .filter((q) => q.cluster === cluster.key)
            .map((q) => {
              const entry = detail.equalPosition.find((e) => e.key === q.key);
              return entry ? <EqualPositionQuestion key={q.key} detail={detail} base={base} entry={entry} question={text(q.text, lang)} /> : null;
            })}
        </section>
      ))}
    </>
  );
}
