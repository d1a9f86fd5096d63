import { useId } from 'react';
import { currentLanguage, useT } from '../../i18n.ts';
import { groupProblems, type ImportAnswer, type ImportPreview, type ImportProblem, type Progress, type QuestionKinds, valueNoteKey } from './importing.ts';

/** At most this many problems are listed per column; the rest is counted ("en nog 12"). */
const PER_GROUP = 10;

/**
 * Every problem the server listed, by column, each with its row and column in words. Problems about
 * the whole file come first. What the server did not list (over 1,000) is counted at the end.
 */
export function ProblemList({ problems, problemCount }: { problems: ImportProblem[]; problemCount: number }) {
  const { t } = useT();
  const groups = groupProblems(problems);
  const unlisted = problemCount - problems.length;
  const where = (p: ImportProblem) =>
    p.row <= 0
      ? t('inBeeld.import.problemFile')
      : p.column
        ? t('inBeeld.import.problemAt', { row: p.row, column: p.column })
        : t('inBeeld.import.problemRow', { row: p.row });
  return (
    <div className="import-problems">
      {groups.map((group) => (
        <div key={group.column} className="import-problem-group">
          <h4>
            {group.column
              ? t('inBeeld.import.problemsInColumn', { column: group.column, count: group.problems.length })
              : t('inBeeld.import.problemsInFile', { count: group.problems.length })}
          </h4>
          <ul>
            {group.problems.slice(0, PER_GROUP).map((p) => (
              <li key={`${p.row}|${p.message}`}>
                <span className="import-problem-where">{where(p)}</span> {p.message}
              </li>
            ))}
          </ul>
          {group.problems.length > PER_GROUP && <p className="field-hint">{t('inBeeld.import.andMore', { count: group.problems.length - PER_GROUP })}</p>}
        </div>
      ))}
      {unlisted > 0 && <p className="field-hint">{t('inBeeld.import.unlisted', { count: unlisted })}</p>}
    </div>
  );
}

/** A labelled <progress>: with a value while the size is known, without one (busy) while the server works. */
export function ImportProgress({ label, progress }: { label: string; progress: Progress | null }) {
  const id = useId();
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null;
  return (
    <div className="import-progress">
      <label htmlFor={id}>{percent === null ? label : `${label} ${percent}%`}</label>
      {percent === null ? <progress id={id} /> : <progress id={id} max={100} value={percent} />}
    </div>
  );
}

type MappingProps = {
  preview: ImportPreview;
  columns: Record<string, string | null>;
  kinds: QuestionKinds;
  onChange: (header: string, target: string | null) => void;
};

/** Each column of the file and what it becomes: a question, a statement, an answer's date … or nothing. */
export function MappingTable({ preview, columns, kinds, onChange }: MappingProps) {
  const { t } = useT();
  const id = useId();
  const questions = preview.targets.filter((x) => !x.target.startsWith('_'));
  const meta = preview.targets.filter((x) => x.target.startsWith('_'));
  const mappingProblem = new Set(preview.problems.filter((p) => p.row <= 1).map((p) => p.column));
  return (
    <table className="table import-mapping">
      <caption className="visually-hidden">{t('inBeeld.import.mappingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inBeeld.import.columnHeader')}</th>
          <th scope="col">{t('inBeeld.import.becomes')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((column, index) => {
          const value = columns[column.header] ?? '';
          const note = valueNoteKey(value || null, kinds);
          const selectId = `${id}-${index}`;
          const name = column.header || t('inBeeld.import.noName');
          return (
            // Headers can repeat (a problem the list names): the place in the file is the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: columns have no other identity than their place
            <tr key={index}>
              <th scope="row" data-label={t('inBeeld.import.columnHeader')} className="cell-break">
                {name}
              </th>
              <td data-label={t('inBeeld.import.becomes')}>
                <label className="visually-hidden" htmlFor={selectId}>
                  {t('inBeeld.import.becomesLabel', { column: name })}
                </label>
                <select
                  id={selectId}
                  value={value}
                  onChange={(event) => onChange(column.header, event.target.value || null)}
                  aria-describedby={note ? `${selectId}-note` : undefined}
                  aria-invalid={mappingProblem.has(column.header) && column.header !== '' ? true : undefined}
                >
                  <option value="">{t('inBeeld.import.notImported')}</option>
                  <optgroup label={t('inBeeld.import.groupQuestions')}>
                    {questions.map((target) => (
                      <option key={target.target} value={target.target}>
                        {target.label}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('inBeeld.import.groupMeta')}>
                    {meta.map((target) => (
                      <option key={target.target} value={target.target}>
                        {target.label}
                      </option>
                    ))}
                  </optgroup>
                </select>
                {note && (
                  <p className="field-hint" id={`${selectId}-note`}>
                    {t(`inBeeld.import.valueNotes.${note}`)}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Answers of one row grouped by question (and statement): a multiple choice is one line with its options. */
function answerLines(answers: ImportAnswer[], labels: Map<string, string>, lang: string): { key: string; label: string; value: string }[] {
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-BE', { maximumFractionDigits: 6 });
  const lines = new Map<string, { label: string; values: string[] }>();
  for (const a of answers) {
    const key = a.item ? `${a.question}.${a.item}` : a.question;
    const line = lines.get(key) ?? { label: labels.get(key) ?? key, values: [] };
    line.values.push(a.option ?? (a.number !== null ? number.format(a.number) : (a.text ?? '')));
    lines.set(key, line);
  }
  return [...lines].map(([key, line]) => ({ key, label: line.label, value: line.values.join(', ') }));
}

/** The first rows as they would be stored, each folded open on demand. */
export function RowsPreview({ preview, teamNames }: { preview: ImportPreview; teamNames: Map<string, string> }) {
  const { t } = useT();
  const lang = currentLanguage();
  const labels = new Map(preview.targets.map((x) => [x.target, x.label]));
  return (
    <ul className="import-rows">
      {preview.rows.map((row) => {
        const lines = answerLines(row.answers, labels, lang);
        return (
          <li key={row.row}>
            <details>
              <summary>
                {row.valid ? t('inBeeld.import.rowSummary', { row: row.row, count: lines.length }) : t('inBeeld.import.rowInvalid', { row: row.row })}
              </summary>
              {row.valid ? (
                <dl className="details-list import-answers">
                  <div>
                    <dt>{t('inBeeld.import.rowLanguage')}</dt>
                    <dd>{row.language === 'en' ? t('inBeeld.import.languageEn') : t('inBeeld.import.languageNl')}</dd>
                  </div>
                  <div>
                    <dt>{t('inBeeld.import.rowSubmitted')}</dt>
                    <dd>{row.submittedOn ?? '—'}</dd>
                  </div>
                  {row.teamId && (
                    <div>
                      <dt>{t('inBeeld.import.rowTeam')}</dt>
                      <dd>{teamNames.get(row.teamId) ?? row.teamId}</dd>
                    </div>
                  )}
                  {lines.map((line) => (
                    <div key={line.key}>
                      <dt>{line.label}</dt>
                      <dd className="cell-break">{line.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p>{t('inBeeld.import.rowInvalidText')}</p>
              )}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
