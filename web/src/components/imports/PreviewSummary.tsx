import { useT } from '../../i18n.ts';
import { ProblemList } from '../inbeeld/ImportParts.tsx';
import type { ImportPreview } from '../inbeeld/importing.ts';

/** Step 2's facts: how the file was read, its counts and the problems found in it. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useT();
  return (
    <>
      <p>
        {preview.format === 'xlsx'
          ? t('inBeeld.import.factsXlsx', { file: preview.fileName, sheet: preview.sheet ?? '' })
          : t('inBeeld.import.factsCsv', { file: preview.fileName, delimiter: preview.delimiter ?? ';', encoding: preview.encoding ?? '' })}
      </p>
      <dl className="stats">
        <div>
          <dt>{t('inBeeld.import.countRows')}</dt>
          <dd>{preview.counts.rows}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.import.countValid')}</dt>
          <dd>{preview.counts.valid}</dd>
        </div>
        <div>
          <dt>{t('inBeeld.import.countProblems')}</dt>
          <dd>{preview.counts.problems}</dd>
        </div>
      </dl>

      <h3 id="import-problems-heading">{t('inBeeld.import.problemsHeading')}</h3>
      {preview.problemCount > 0 ? (
        <>
          <p>{t('inBeeld.import.problemsIntro', { count: preview.problemCount, rows: preview.counts.invalid })}</p>
          <ProblemList problems={preview.problems} problemCount={preview.problemCount} />
        </>
      ) : (
        <p className="notice">{t('inBeeld.import.noProblems', { count: preview.counts.valid })}</p>
      )}
    </>
  );
}
