import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';

/** What the import page shows once every row is in: how many, and where to go next. */
export function ImportDone(props: {
  roundPath: string;
  roundName: string;
  imported: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAnother: () => void;
}) {
  const { t } = useT();
  const { roundPath, roundName } = props;
  return (
    <div className="import-result">
      <h2 ref={props.headingRef} tabIndex={-1}>
        {t('inBeeld.import.imported', { count: props.imported })}
      </h2>
      <p>{t('inBeeld.import.importedText', { round: roundName })}</p>
      <div className="button-row">
        <Link className="button button-primary" to={roundPath}>
          {t('inBeeld.import.toRound', { round: roundName })}
        </Link>
        <button type="button" className="button button-secondary" onClick={props.onAnother}>
          {t('inBeeld.import.another')}
        </button>
      </div>
    </div>
  );
}
