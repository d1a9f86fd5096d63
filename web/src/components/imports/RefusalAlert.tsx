import { useT } from '../../i18n.ts';
import { ProblemList } from '../inbeeld/ImportParts.tsx';
import type { Refusal } from './import-state.ts';

/** Step 1's alert when the server could not read the file at all, with its problems. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const { t } = useT();
  return (
    <div className="error-alert" role="alert">
      <p>
        <span className="error-icon" aria-hidden="true">
          !
        </span>
        <span className="visually-hidden">{t('common.errorPrefix')} </span>
        {t('inBeeld.import.unreadable')}
      </p>
      <ProblemList problems={refusal.problems} problemCount={refusal.problemCount} />
    </div>
  );
}
