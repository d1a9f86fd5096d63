import type { Language } from '../../core/language.ts';
import { localise } from '../instruments/definition.ts';
import { crossTabulate, type Localised, percentOf, roundHalfUp, testIndependence } from './core/index.ts';
import type { ReportTable } from './report.ts';

/**
 * A cross-tabulation of two questions, put together from the report filtered on each answer of the
 * row question: row "a" of rows × columns IS the column question's table in the report filtered on
 * rows = a, with that report's own hiding. So the cross-tab shows nothing the filtered reports do
 * not; every other figure (column totals, column percentages, the test) is worked out from shown
 * counts only, and only when none in the table is hidden. Pure.
 */

export type CrossTabCell = { code: string; count: number | null; rowPercent: number | null; colPercent: number | null; suppressed: boolean };
export type CrossTabLine = {
  code: string;
  label: string;
  /** The selection "rows = this answer" is not shown to this person (message says why). */
  refused: boolean;
  message: string | null;
  /** How many in this row answered the column question. */
  validN: number | null;
  cells: CrossTabCell[];
};
export type CrossTabTest = {
  /** The test that fits: Fisher's exact test for a 2 × 2 table with small expected counts, else chi-square. */
  recommended: 'chi_square' | 'fisher_exact';
  chiSquare: {
    n: number;
    statistic: number;
    df: number;
    p: number;
    cramersV: number;
    minExpected: number;
    cellsBelow5: number;
    cells: number;
    warning: { level: 'caution' | 'unreliable'; text: string } | null;
    rule: string;
  } | null;
  fisher: { p: number } | null;
};
export type CrossTabView = {
  columns: { code: string; label: string }[];
  lines: CrossTabLine[];
  colTotals: (number | null)[];
  total: number | null;
  test: CrossTabTest | null;
  /** Why there is no test, when there is none. */
  testNote: string | null;
  notes: string[];
};

export type CrossTabInput = {
  rowsMultiple: boolean;
  /** The column question is a partition of its answerers (single choice or a scale): a test fits. */
  colsPartition: boolean;
  lines: { code: string; label: string; table: ReportTable | null; message: string | null }[];
  decimals: number;
  lang: Language;
};

const NOTES = {
  hidden: {
    nl: 'Er is geen toets berekend, omdat er kleine aantallen verborgen zijn. Een toets op de verborgen aantallen zou ze kunnen verraden.',
    en: 'No test was computed, because small counts are hidden. A test on the hidden counts could give them away.',
  },
  multipleRows: {
    nl: 'Iemand kan bij de rijvraag meer dan één antwoord kiezen, dus de rijen overlappen: er zijn geen kolomtotalen en geen toets.',
    en: 'People could choose more than one answer to the row question, so the rows overlap: there are no column totals and no test.',
  },
  multipleCols: {
    nl: 'Iemand kan bij de kolomvraag meer dan één antwoord kiezen: een chi-kwadraattoets past hier niet.',
    en: 'People could choose more than one answer to the column question: a chi-square test does not fit here.',
  },
  tooSmall: {
    nl: 'Er zijn minder dan twee rijen of kolommen met antwoorden: er valt niets te toetsen.',
    en: 'Fewer than two rows or columns have answers: there is nothing to test.',
  },
  other: {
    nl: 'Wie bij de rijvraag ‘iets anders’ antwoordde of die vraag oversloeg, staat niet in de tabel.',
    en: 'People who answered ‘something else’ to the row question, or skipped it, are not in the table.',
  },
} satisfies Record<string, Localised>;

function columnsOf(lines: CrossTabInput['lines']): { code: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const line of lines) for (const item of line.table?.items ?? []) if (!seen.has(item.code)) seen.set(item.code, item.label);
  return [...seen].map(([code, label]) => ({ code, label }));
}

/** Leaves out rows and columns without counts, so a 2 × 2 that has empty extras is tested as one. */
function nonEmpty(counts: number[][]): number[][] {
  const keepCol = (counts[0] ?? []).map((_, j) => counts.some((row) => (row[j] ?? 0) > 0));
  return counts.filter((row) => row.some((v) => v > 0)).map((row) => row.filter((_, j) => keepCol[j]));
}

function testOf(counts: number[][], lang: Language): { test: CrossTabTest | null; note: string | null } {
  const kept = nonEmpty(counts);
  const cols = kept[0]?.length ?? 0;
  if (kept.length < 2 || cols < 2) return { test: null, note: localise(NOTES.tooSmall, lang) };
  const result = testIndependence({ rows: kept.map((_, i) => `r${i}`), cols: Array.from({ length: cols }, (_, j) => `c${j}`), counts: kept });
  const chi = result.chiSquare;
  const twoByTwo = kept.length === 2 && cols === 2;
  return {
    test: {
      recommended: twoByTwo && chi?.warning ? 'fisher_exact' : 'chi_square',
      chiSquare: chi
        ? {
            n: chi.n,
            statistic: chi.statistic,
            df: chi.df,
            p: chi.p,
            cramersV: chi.cramersV,
            minExpected: roundHalfUp(chi.minExpected, 2),
            cellsBelow5: chi.cellsBelow5,
            cells: chi.cells,
            warning: chi.warning ? { level: chi.warning.level, text: localise(chi.warning.text, lang) } : null,
            rule: localise(chi.rule, lang),
          }
        : null,
      fisher: result.fisher ? { p: result.fisher.p } : null,
    },
    note: null,
  };
}

export function buildCrossTab(input: CrossTabInput): CrossTabView {
  const { lang, decimals } = input;
  const columns = columnsOf(input.lines);
  const shown = (table: ReportTable | null) => (table && !table.tooFew ? table : null);
  const countsOf = input.lines.map((line) => {
    const table = shown(line.table);
    return columns.map((c) => (table ? (table.items.find((i) => i.code === c.code)?.count ?? null) : null));
  });
  const partition = !input.rowsMultiple;
  const everyCountShown = countsOf.every((row) => row.every((v) => v !== null)) && input.lines.every((l) => shown(l.table) !== null);
  // Sums of shown counts only: a total over a hidden cell would give it back.
  const colTotals = columns.map((_, j) => {
    if (!partition) return null;
    const column = countsOf.map((row) => row[j] ?? null);
    return column.every((v) => v !== null) ? column.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  });
  const validNs = input.lines.map((line) => shown(line.table)?.validN ?? null);
  const total = partition && validNs.every((v) => v !== null) ? validNs.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  const exact =
    everyCountShown && partition
      ? crossTabulate({ rows: input.lines.map((l) => l.code), cols: columns.map((c) => c.code), counts: countsOf as number[][] }, { decimals })
      : null;
  const lines: CrossTabLine[] = input.lines.map((line, i) => {
    const table = shown(line.table);
    return {
      code: line.code,
      label: line.label,
      refused: line.table === null,
      message: line.message,
      validN: validNs[i] ?? null,
      cells: columns.map((c, j) => {
        const item = table?.items.find((x) => x.code === c.code);
        const count = countsOf[i]?.[j] ?? null;
        const colTotal = colTotals[j] ?? null;
        return {
          code: c.code,
          count,
          // The filtered report's own percentage (of those in the row who answered the column question).
          rowPercent: count === null ? null : (item?.percent ?? null),
          colPercent:
            count === null || colTotal === null || colTotal === 0
              ? null
              : (exact?.cells[i]?.[j]?.colPercent ?? roundHalfUp(percentOf(count, colTotal), decimals)),
          suppressed: count === null,
        };
      }),
    };
  });
  const notes = [localise(NOTES.other, lang)];
  let test: CrossTabTest | null = null;
  let testNote: string | null;
  if (!partition) testNote = localise(NOTES.multipleRows, lang);
  else if (!input.colsPartition) testNote = localise(NOTES.multipleCols, lang);
  else if (!everyCountShown) testNote = localise(NOTES.hidden, lang);
  else ({ test, note: testNote } = testOf(countsOf as number[][], lang));
  return { columns, lines, colTotals, total, test, testNote, notes };
}
