import { useT } from '../../i18n.ts';

/**
 * The plain name of a knowledge position ("Wat het betekent in mijn leven" for "het biografische");
 * the research names stay behind the positions Term. A position without a plain name keeps its own label.
 */
export function usePositionLabel(): (key: string, researchLabel: string) => string {
  const { t } = useT();
  const plain: Record<string, string> = {
    aandoening: t('trajecten.plainPositions.aandoening'),
    biografisch: t('trajecten.plainPositions.biografisch'),
    maatschappelijk: t('trajecten.plainPositions.maatschappelijk'),
  };
  return (key, researchLabel) => plain[key] ?? researchLabel;
}
