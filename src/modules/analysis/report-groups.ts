import type { Language } from '../../core/language.ts';
import { type Condition, localise } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import type { Localised } from './core/index.ts';
import { type ReportTable, sqlConditionOf } from './report.ts';

/**
 * The counts around a table are figures too. For someone who may not see small counts:
 * - a table too small to show keeps its n, valid n and missing hidden as well as its cells;
 * - a follow-up question was asked to a group ("those who answered yes"), so its n is that group's
 *   count: when the report hides the group's count in the question it follows, the follow-up's table
 *   is withheld whole (its n, and its valid n as the sum of its cells, would give the count back).
 * Tables come in questionnaire order, so a follow-up of a withheld follow-up is withheld too.
 */

const GROUP_HIDDEN: Localised = {
  nl: 'Deze vraag kreeg alleen wie een bepaald antwoord gaf. Hoeveel mensen dat waren, is verborgen, dus tonen we ook deze tabel niet.',
  en: 'Only people who gave a certain answer got this question. How many they were is hidden, so this table is not shown either.',
};

function withheld(table: ReportTable, note: string | null): ReportTable {
  return {
    ...table,
    n: null,
    validN: null,
    missing: null,
    tooFew: true,
    suppressed: true,
    items: table.items.map((item) => ({ ...item, count: null, validN: null, percent: null, ci: null, suppressed: true })),
    ...(table.scale ? { scale: { mean: null, sd: null, min: null, q1: null, median: null, q3: null, max: null, noOpinion: null } } : {}),
    notes: note ? [...table.notes.filter((n) => n !== note), note] : table.notes,
  };
}

/** Whether the report shows how many people met the condition (so the follow-up's n gives nothing away). */
function groupShown(condition: Condition, instrument: ResolvedInstrument, tables: ReportTable[]): boolean {
  const sql = sqlConditionOf(condition, instrument);
  // Estimated as everyone in the selection: the n shown is the selection's own.
  if (!sql) return true;
  const parents = tables.filter((t) => t.question === sql.question);
  if (parents.length === 0 || parents.some((t) => t.tooFew || t.validN === null)) return false;
  if ('answered' in sql) return true;
  const [parent] = parents;
  if (!parent) return false;
  // A combinations view has no cell per option: only a table with nothing hidden gives the group.
  if (parent.view === 'combinations') return parent.items.every((i) => i.count !== null);
  return sql.options.every((option) => parent.items.some((i) => i.code === option && i.count !== null));
}

export function withholdHiddenGroups(tables: ReportTable[], instrument: ResolvedInstrument, lang: Language): ReportTable[] {
  const showIf = new Map<string, Condition>();
  for (const section of instrument.sections) for (const q of section.questions) if (q.showIf) showIf.set(q.key, q.showIf);
  const out: ReportTable[] = [];
  for (const table of tables) {
    const condition = showIf.get(table.question);
    if (condition && !groupShown(condition, instrument, out)) out.push(withheld(table, localise(GROUP_HIDDEN, lang)));
    else if (table.tooFew) out.push(withheld(table, null));
    else out.push(table);
  }
  return out;
}
