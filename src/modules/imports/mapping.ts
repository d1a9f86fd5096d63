import type { Language } from '../../core/language.ts';
import { allQuestions, OTHER } from '../instruments/definition.ts';
import type { ResolvedChoiceQuestion, ResolvedInstrument, ResolvedQuestion } from '../instruments/resolve.ts';
import { dayOf, indicator, keyForm, Lookup, languageOf, type Recode, recoder, splitChoices, valueLookup } from './matching.ts';
import { type ImportMessages, importMessages } from './messages.ts';
import { parseLocaleNumber } from './parse-csv.ts';

/**
 * Which column of a file holds which answer, and how its cells become answers. Pure: a mapping is
 * proposed from the headers, checked against the instrument, then applied to each row.
 */

export type ImportMapping = {
  /** Header → target: `question`, `question.item` (a statement), `question._other`, `question.option` (a 0/1 column), a `_meta` column, or null (ignored). */
  columns: Record<string, string | null>;
  /** Per header, cell text → the answer to store (an option code, a point of the scale, `_no_opinion`, `_other`). */
  values?: Record<string, Record<string, string>> | undefined;
  /** The language the answers were given in, unless a `_language` column says so per row. */
  language?: Language | undefined;
  /** Import into this team's link of the round instead of the organisation's. */
  teamId?: string | undefined;
};

export const metaTargets = ['_language', '_submitted_on', '_started_on', '_team'] as const;
export type MetaTarget = (typeof metaTargets)[number];

export type Target =
  | { kind: 'answer'; question: ResolvedQuestion }
  | { kind: 'item'; question: Extract<ResolvedQuestion, { type: 'matrix' }>; item: string }
  | { kind: 'other'; question: ResolvedChoiceQuestion }
  | { kind: 'indicator'; question: ResolvedChoiceQuestion; option: string }
  | { kind: 'meta'; meta: MetaTarget };

/** Every target of an instrument by its name. A matrix question itself is not one: its statements are. */
export function targetsOf(instrument: ResolvedInstrument): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const q of allQuestions(instrument)) {
    if (q.type !== 'matrix') targets.set(q.key, { kind: 'answer', question: q });
    if (q.type === 'matrix') for (const item of q.items) targets.set(`${q.key}.${item.key}`, { kind: 'item', question: q, item: item.key });
    if ((q.type === 'single' || q.type === 'multiple') && q.other) targets.set(`${q.key}.${OTHER}`, { kind: 'other', question: q });
    if (q.type === 'multiple') for (const o of q.options) targets.set(`${q.key}.${o.key}`, { kind: 'indicator', question: q, option: o.key });
  }
  for (const meta of metaTargets) targets.set(meta, { kind: 'meta', meta });
  return targets;
}

const metaAliases: Record<MetaTarget, string[]> = {
  _language: ['taal', 'language', 'lang'],
  _submitted_on: ['submitted_on', 'ingediend_op', 'ingevuld_op', 'datum', 'date', 'ingediend', 'ingevuld'],
  _started_on: ['started_on', 'gestart_op', 'begonnen_op', 'begindatum', 'start'],
  _team: ['team'],
};

/** The names a header may carry for each target: codes first, then the words of the questionnaire. */
function headerIndex(instrument: ResolvedInstrument): { keys: Map<string, string>; labels: Lookup } {
  const keys = new Map<string, string>();
  const addKey = (form: string, target: string) => {
    if (!keys.has(keyForm(form))) keys.set(keyForm(form), target);
  };
  const targets = targetsOf(instrument);
  // Exact target names win over look-alikes (the question `sector_anders` over `sector` + `_anders`).
  for (const name of targets.keys()) addKey(name, name);
  for (const [name, target] of targets) {
    if (target.kind === 'item') addKey(`${target.question.key}[${target.item}]`, name);
    if (target.kind === 'item' || target.kind === 'indicator' || target.kind === 'other') addKey(name.replace('.', '_'), name);
    if (target.kind === 'meta') for (const alias of metaAliases[target.meta]) addKey(alias, name);
  }
  const labels = new Lookup();
  for (const q of allQuestions(instrument)) {
    if (q.type !== 'matrix') for (const text of [q.text.nl, q.text.en]) labels.add(text, q.key);
    if (q.type === 'matrix') for (const item of q.items) for (const text of [item.text.nl, item.text.en]) labels.add(text, `${q.key}.${item.key}`);
    if (q.type === 'multiple') for (const o of q.options) for (const text of [o.label.nl, o.label.en]) labels.add(text, `${q.key}.${o.key}`);
  }
  return { keys, labels };
}

/** A mapping from the headers alone: a header that is a target's code, else its text; each target once. */
export function proposeMapping(instrument: ResolvedInstrument, header: readonly string[]): ImportMapping {
  const { keys, labels } = headerIndex(instrument);
  const used = new Set<string>();
  const columns: Record<string, string | null> = {};
  for (const name of header) {
    if (name === '' || name in columns) continue;
    const target = keys.get(keyForm(name)) ?? labels.get(name);
    columns[name] = target !== undefined && !used.has(target) ? target : null;
    if (target !== undefined) used.add(target);
  }
  return { columns };
}

type ColumnPlan = { index: number; header: string; target: Target; lookup: Lookup | undefined; recode: Recode };

/** A checked mapping, ready to apply to rows. */
export type Plan = {
  columns: ColumnPlan[];
  /** The header to name in a problem about a question (or one of its statements). */
  headerFor: (question: string, item?: string) => string;
  language: Language;
  /**
   * Required questions no column is linked to: said once for the file, not again on every row.
   * `sometimes`: the question is asked only after certain answers, so it depends on the rows.
   */
  unmappedRequired: Map<string, 'always' | 'sometimes'>;
};

export type MappingProblem = { column: string; message: string };

export function compileMapping(
  instrument: ResolvedInstrument,
  header: readonly string[],
  mapping: ImportMapping,
  lang: Language,
): { plan: Plan; problems: MappingProblem[] } {
  const msg = importMessages(lang);
  const targets = targetsOf(instrument);
  const problems: MappingProblem[] = [];
  const columns: ColumnPlan[] = [];
  const claimed = new Map<string, string>();
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (!seen.has(name)) seen.set(name, index);
  });
  for (const [name, targetName] of Object.entries(mapping.columns)) {
    if (targetName === null || targetName === '') continue;
    const index = seen.get(name);
    if (index === undefined) {
      problems.push({ column: name, message: msg.columnMissing });
      continue;
    }
    if (header.filter((h) => h === name).length > 1) problems.push({ column: name, message: msg.duplicateHeader });
    const target = targets.get(targetName);
    if (!target) {
      const matrix = allQuestions(instrument).find((q) => q.key === targetName && q.type === 'matrix');
      problems.push({ column: name, message: matrix ? msg.matrixNeedsItem : msg.unknownTarget(targetName) });
      continue;
    }
    const other = claimed.get(targetName);
    if (other !== undefined) {
      problems.push({ column: name, message: msg.targetTwice(targetName) });
      continue;
    }
    claimed.set(targetName, name);
    const lookup = target.kind === 'answer' || target.kind === 'item' ? valueLookup(target.question) : undefined;
    columns.push({ index, header: name, target, lookup, recode: recoder(mapping.values?.[name]) });
  }
  const mapped = new Set(columns.flatMap((c) => ('question' in c.target ? [c.target.question.key] : [])));
  const unmappedRequired = new Map<string, 'always' | 'sometimes'>();
  for (const q of allQuestions(instrument)) {
    if (!q.required || mapped.has(q.key)) continue;
    unmappedRequired.set(q.key, q.showIf ? 'sometimes' : 'always');
    if (!q.showIf) problems.push({ column: q.key, message: msg.requiredUnmapped(q.key) });
  }
  return { plan: { columns, headerFor: headerFinder(columns), language: mapping.language ?? 'nl', unmappedRequired }, problems };
}

function headerFinder(columns: ColumnPlan[]): Plan['headerFor'] {
  const rank = (c: ColumnPlan, item: string | undefined) =>
    c.target.kind === 'item' && c.target.item === item ? 0 : c.target.kind === 'answer' ? 1 : c.target.kind === 'other' ? 3 : 2;
  return (question, item) => {
    const candidates = columns.filter((c) => 'question' in c.target && c.target.question.key === question);
    const best = candidates.sort((a, b) => rank(a, item) - rank(b, item))[0];
    return best?.header ?? (item ? `${question}.${item}` : question);
  };
}

export type RowProblem = { column: string; question?: string; item?: string; message: string };

/** One row as the instruments core takes it (a form post), its meta data, and what could not be read. */
export type MappedRow = {
  raw: Record<string, string | string[]>;
  language: Language | undefined;
  submittedOn: string | undefined;
  startedOn: string | undefined;
  team: string | undefined;
  problems: RowProblem[];
  /** Per multiple-choice question, the options whose 0/1 cell was left empty (missing, not "not chosen"). */
  blankOptions: Map<string, string[]>;
};

function readMeta(column: ColumnPlan, meta: MetaTarget, cell: string, out: MappedRow, msg: ImportMessages): void {
  if (cell.trim() === '') return;
  if (meta === '_team') {
    out.team = cell.trim();
    return;
  }
  if (meta === '_language') {
    out.language = languageOf(column.recode(cell) ?? cell);
    if (!out.language) out.problems.push({ column: column.header, message: msg.unknownLanguage(cell.trim()) });
    return;
  }
  const day = dayOf(cell);
  if (!day) out.problems.push({ column: column.header, message: msg.badDate(cell.trim()) });
  else if (meta === '_submitted_on') out.submittedOn = day;
  else out.startedOn = day;
}

/** A scale point or a number as the form would post it: "4,0" → "4", "7,5" → "7.5"; words of the scale → their point. */
function scaleOrNumber(column: ColumnPlan, cell: string): string | undefined {
  const n = parseLocaleNumber(cell);
  if (n !== undefined) return String(n);
  return column.lookup?.get(cell);
}

export function applyMapping(plan: Plan, cells: readonly string[], lang: Language): MappedRow {
  const msg = importMessages(lang);
  const out: MappedRow = {
    raw: {},
    language: undefined,
    submittedOn: undefined,
    startedOn: undefined,
    team: undefined,
    problems: [],
    blankOptions: new Map(),
  };
  const chosen = new Map<string, string[]>();
  const otherTexts: ResolvedChoiceQuestion[] = [];
  const unknownValue = (column: ColumnPlan, question: string, value: string, item?: string) =>
    out.problems.push({ column: column.header, question, ...(item ? { item } : {}), message: msg.unknownValue(value) });
  for (const column of plan.columns) {
    const cell = cells[column.index] ?? '';
    const { target } = column;
    if (target.kind === 'meta') {
      readMeta(column, target.meta, cell, out, msg);
      continue;
    }
    if (target.kind === 'indicator') {
      if (cell.trim() === '') out.blankOptions.set(target.question.key, [...(out.blankOptions.get(target.question.key) ?? []), target.option]);
      const on = indicator(column.recode(cell) ?? cell);
      if (on === undefined) out.problems.push({ column: column.header, question: target.question.key, message: msg.indicatorValue(cell.trim()) });
      const list = chosen.get(target.question.key) ?? [];
      if (on) list.push(target.option);
      chosen.set(target.question.key, list);
      continue;
    }
    if (cell.trim() === '') continue;
    const q = target.question;
    if (target.kind === 'other') {
      out.raw[`${q.key}.${OTHER}`] = cell;
      otherTexts.push(target.question);
      continue;
    }
    const recoded = column.recode(cell);
    if (target.kind === 'item') {
      const value = recoded ?? scaleOrNumber(column, cell);
      if (value === undefined) unknownValue(column, q.key, cell.trim(), target.item);
      else out.raw[`${q.key}.${target.item}`] = value;
      continue;
    }
    switch (q.type) {
      case 'single': {
        const value = recoded ?? column.lookup?.get(cell);
        if (value === undefined) unknownValue(column, q.key, cell.trim());
        else out.raw[q.key] = value;
        break;
      }
      case 'multiple': {
        const { keys, unknown } = splitChoices(cell, (text) => column.recode(text) ?? column.lookup?.get(text));
        for (const value of unknown) unknownValue(column, q.key, value);
        chosen.set(q.key, [...(chosen.get(q.key) ?? []), ...keys]);
        break;
      }
      case 'likert': {
        const value = recoded ?? scaleOrNumber(column, cell);
        if (value === undefined) unknownValue(column, q.key, cell.trim());
        else out.raw[q.key] = value;
        break;
      }
      case 'number': {
        const n = parseLocaleNumber(recoded ?? cell);
        out.raw[q.key] = n === undefined ? (recoded ?? cell) : String(n);
        break;
      }
      default:
        out.raw[q.key] = recoded ?? cell;
    }
  }
  for (const [key, list] of chosen) out.raw[key] = [...new Set(list)];
  // A filled-in "something else" text means that answer was chosen, as in the file it came from.
  for (const q of otherTexts) {
    const value = out.raw[q.key];
    if (q.type === 'multiple') out.raw[q.key] = [...new Set([...(Array.isArray(value) ? value : []), OTHER])];
    else if (value === undefined) out.raw[q.key] = OTHER;
  }
  return out;
}

/** The targets a person can choose for a column, with their words, for a mapping screen. */
export function targetList(instrument: ResolvedInstrument, lang: Language): { target: string; label: string }[] {
  const pick = (text: { nl: string; en: string }) => (lang === 'en' && text.en ? text.en : text.nl);
  const list: { target: string; label: string }[] = [];
  for (const [name, target] of targetsOf(instrument)) {
    if (target.kind === 'meta') continue;
    const q = target.question;
    const label =
      target.kind === 'item'
        ? `${pick(q.text)} — ${pick((q as Extract<ResolvedQuestion, { type: 'matrix' }>).items.find((i) => i.key === target.item)?.text ?? q.text)}`
        : target.kind === 'indicator'
          ? `${pick(q.text)} — ${pick(target.question.options.find((o) => o.key === target.option)?.label ?? q.text)} (0/1)`
          : target.kind === 'other'
            ? `${pick(q.text)} — ${pick(target.question.other?.label ?? q.text)}`
            : pick(q.text);
    list.push({ target: name, label });
  }
  const metaLabels: Record<MetaTarget, [string, string]> = {
    _language: ['Taal van de antwoorden (nl of en)', 'Language of the answers (nl or en)'],
    _submitted_on: ['Datum van indienen', 'Date handed in'],
    _started_on: ['Datum van beginnen', 'Date started'],
    _team: ['Team (naam)', 'Team (name)'],
  };
  for (const meta of metaTargets) list.push({ target: meta, label: metaLabels[meta][lang === 'en' ? 1 : 0] });
  return list;
}
