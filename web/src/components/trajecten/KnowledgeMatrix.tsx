import { useT } from '../../i18n.ts';
import { codeLabel } from './helpers.ts';
import { usePositionLabel } from './positions.ts';
import type { Framework, TrajectoryDetailView } from './types.ts';

/** Members × kinds of knowledge, with the gaps: what nobody in the team brings. */
export function KnowledgeMatrix({ detail, frameworks }: { detail: TrajectoryDetailView; frameworks: Framework[] }) {
  const { t, i18n } = useT();
  const positionLabel = usePositionLabel();
  const columnLabel = (column: string) =>
    column === 'professioneel'
      ? t('trajecten.professional')
      : column === 'ander'
        ? t('trajecten.other')
        : t('trajecten.experientialFrom', { position: positionLabel(column, codeLabel(frameworks, 'knowledge_positions', column, i18n.resolvedLanguage)) });
  const { matrix } = detail;
  return (
    <section className="section" aria-labelledby="matrix-heading">
      <h3 id="matrix-heading">{t('trajecten.matrixHeading')}</h3>
      <table className="table trajectory-matrix">
        <caption className="visually-hidden">{t('trajecten.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trajecten.member')}</th>
            {matrix.columns.map((c) => (
              <th key={c} scope="col">
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.userId}>
              <th scope="row">
                {row.displayName}
                {!row.answered && <span className="tag tag-open">{t('trajecten.notFilledIn')}</span>}
              </th>
              {row.cells.map((cell, i) => (
                <td key={matrix.columns[i]} data-label={columnLabel(matrix.columns[i] ?? '')}>
                  {cell ? t('trajecten.yes') : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{matrix.gaps.length ? t('trajecten.gaps', { list: matrix.gaps.map(columnLabel).join(', ') }) : t('trajecten.noGaps')}</p>
    </section>
  );
}
