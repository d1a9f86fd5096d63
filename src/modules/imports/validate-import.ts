import type { Language } from '../../core/language.ts';
import { type AnswerRow, validateAnswers } from '../instruments/answers.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import { MISSING_MARKER } from '../rounds/answers.ts';
import { applyMapping, type MappingProblem, type Plan } from './mapping.ts';
import { normalise } from './matching.ts';
import { importMessages } from './messages.ts';
import type { SourceRow } from './parse-csv.ts';

/**
 * Checks every row of a file against the round's questionnaire with the same rules as the
 * respondent form (validateAnswers), and says where each problem is: the row of the file and the
 * header of the column. Pure: the caller reads the file, keeps the counts and stores the rows.
 */

export type ImportProblem = { row: number; column: string; message: string };

export type LinkChoice = { linkId: string; teamId: string | null };

export type CheckContext = {
  instrument: ResolvedInstrument;
  plan: Plan;
  /** The language of the messages, not of the answers. */
  lang: Language;
  /** The import day (YYYY-MM-DD): the dates of rows without one, and the latest date a row may have. */
  today: string;
  headerWidth: number;
  /** Where rows without a team go: the organisation's link, or the team chosen for the import. */
  defaultLink: LinkChoice | undefined;
  /** The round's team links by team name, for a `_team` column. */
  teamLinks: Map<string, LinkChoice>;
};

/** A row as it will be stored: one complete response and its answers in long format. */
export type CheckedRow = {
  line: number;
  language: Language;
  startedOn: string;
  submittedOn: string;
  link: LinkChoice;
  answers: AnswerRow[];
};

export type RowCheck =
  | { ok: true; row: CheckedRow }
  | { ok: false; line: number; problems: ImportProblem[] /** Unlinked required questions this row needed. */; needs: string[] };

export const teamLinkKey = (name: string): string => normalise(name);

export function checkRow(ctx: CheckContext, source: SourceRow): RowCheck {
  const msg = importMessages(ctx.lang);
  const row = source.line;
  const mapped = applyMapping(ctx.plan, source.cells, ctx.lang);
  const problems: ImportProblem[] = mapped.problems.map((p) => ({ row, column: p.column, message: p.message }));
  const flagged = new Set(mapped.problems.flatMap((p) => (p.question ? [p.item ? `${p.question}.${p.item}` : p.question] : [])));
  const needs: string[] = [];

  const extra = source.cells.findIndex((cell, i) => i >= ctx.headerWidth && cell.trim() !== '');
  if (extra >= 0) problems.push({ row, column: ctx.lang === 'nl' ? `kolom ${extra + 1}` : `column ${extra + 1}`, message: msg.extraCells });

  const result = validateAnswers(ctx.instrument, mapped.raw, ctx.lang);
  if (!result.ok) {
    for (const issue of result.issues) {
      if (flagged.has(issue.question) || (issue.item && flagged.has(`${issue.question}.${issue.item}`))) continue;
      const unmapped = ctx.plan.unmappedRequired.get(issue.question);
      if (unmapped === 'always') continue;
      if (unmapped === 'sometimes') {
        if (!needs.includes(issue.question)) needs.push(issue.question);
        continue;
      }
      problems.push({ row, column: ctx.plan.headerFor(issue.question, issue.item), message: issue.message });
    }
  }

  const metaColumn = (meta: string) => ctx.plan.columns.find((c) => c.target.kind === 'meta' && c.target.meta === meta)?.header;
  const header = (meta: string) => metaColumn(meta) ?? meta;
  const startedOn = mapped.startedOn ?? mapped.submittedOn ?? ctx.today;
  const submittedOn = mapped.submittedOn ?? mapped.startedOn ?? ctx.today;
  if (mapped.submittedOn && mapped.submittedOn > ctx.today) problems.push({ row, column: header('_submitted_on'), message: msg.futureDate });
  if (mapped.startedOn && mapped.startedOn > ctx.today) problems.push({ row, column: header('_started_on'), message: msg.futureDate });
  else if (startedOn > submittedOn) problems.push({ row, column: header('_started_on'), message: msg.startedAfterSubmitted });

  let link = ctx.defaultLink;
  if (mapped.team !== undefined) {
    link = ctx.teamLinks.get(teamLinkKey(mapped.team));
    if (!link) problems.push({ row, column: header('_team'), message: msg.unknownTeam(mapped.team) });
  } else if (!link && metaColumn('_team')) problems.push({ row, column: header('_team'), message: msg.noOrganisationLink });
  // Without a team column and without a link for the organisation, the file as a whole is refused (said once by the caller).

  if (problems.length > 0 || needs.length > 0 || !result.ok || !link) return { ok: false, line: row, problems, needs };
  return {
    ok: true,
    row: {
      line: row,
      language: mapped.language ?? ctx.plan.language,
      startedOn,
      submittedOn,
      link,
      answers: withMissingMarkers(result.rows, mapped.blankOptions),
    },
  };
}

/**
 * An empty 0/1 cell of a multiple-choice question that the respondent did answer (another option
 * chosen) is "missing for this option", as a checkbox grid left blank: a marker row that lowers that
 * option's own valid n (see rounds/tables.ts). A question with no option chosen stays unanswered.
 */
function withMissingMarkers(rows: AnswerRow[], blankOptions: Map<string, string[]>): AnswerRow[] {
  const answered = new Set(rows.map((r) => r.question));
  const markers = [...blankOptions].flatMap(([question, options]) =>
    answered.has(question) ? options.map((option) => ({ question, item: null, option, number: null, text: MISSING_MARKER })) : [],
  );
  return markers.length ? [...rows, ...markers] : rows;
}

/**
 * Keeps every problem counted and the first `max` listed, so a file with an error on each of its
 * 100,000 rows is still answered quickly and in a size a person can read.
 */
export class ProblemList {
  readonly listed: ImportProblem[] = [];
  total = 0;
  invalidRows = 0;
  readonly #needs = new Map<string, { first: number; rows: number }>();

  constructor(
    private readonly lang: Language,
    private readonly max = 1000,
  ) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.listed.length < this.max) this.listed.push(problem);
  }

  addMapping(problems: MappingProblem[], headerLine: number): void {
    for (const p of problems) this.add({ row: headerLine, column: p.column, message: p.message });
  }

  addRow(check: Extract<RowCheck, { ok: false }>): void {
    this.invalidRows++;
    for (const p of check.problems) this.add(p);
    for (const question of check.needs) {
      const seen = this.#needs.get(question);
      if (seen) seen.rows++;
      else this.#needs.set(question, { first: check.line, rows: 1 });
    }
  }

  /** Everything, with the required-but-unlinked questions said once each, in the order of the file. */
  finish(): { problems: ImportProblem[]; total: number } {
    const msg = importMessages(this.lang);
    const summaries = [...this.#needs].map(([question, { first, rows }]) => ({
      row: first,
      column: question,
      message: msg.requiredUnmappedRows(question, rows),
    }));
    const problems = [...this.listed, ...summaries].sort((a, b) => a.row - b.row);
    return { problems, total: this.total + summaries.length };
  }
}
