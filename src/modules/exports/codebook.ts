import type { Language } from '../../core/language.ts';
import { allQuestions, type LocalisedText, localise, NO_OPINION, OTHER } from '../instruments/definition.ts';
import type { ResolvedInstrument, ResolvedQuestion } from '../instruments/resolve.ts';
import { MISSING_MARKER } from '../rounds/answers.ts';
import type { SavMeasure, SavMultipleResponseSet, SavValue } from './sav-writer.ts';
import { VariableNamer } from './variable-names.ts';

/**
 * The codebook of a round's response-level export: one variable per single choice, scale, number and
 * (when the round allows it) open text; one 0/1 variable per option of a multiple choice, with the
 * set documented; one variable per statement of a matrix. The same names, codes and labels go into
 * every format (SPSS, Excel, CSV, JSON, R). Pure: no database.
 */

/** "No opinion" on a scale: a code no scale point can have (points lie between -100 and 100), declared user-missing. */
export const NO_OPINION_CODE = 999;

export type ValueLabel = {
  value: number;
  label: string;
  /** What the value stands for on the platform: an option key, a scale point, `_no_opinion`, `_other`, a team id, a language. */
  key: string;
};

export type VariableRole = 'case' | 'team' | 'language' | 'choice' | 'indicator' | 'scale' | 'number' | 'text' | 'other_text';

export type ExportVariable = {
  name: string;
  label: string;
  role: VariableRole;
  question: string | null;
  item: string | null;
  option: string | null;
  /** The column name the platform's import understands (question, question.item, question.option, question._other), or null. */
  target: string | null;
  /** 0 for numeric, else the width of the string in bytes. */
  width: number;
  decimals: number;
  measure: SavMeasure;
  valueLabels: ValueLabel[];
  missing: number[];
};

export type MultipleResponseSet = SavMultipleResponseSet & { question: string };

export type Codebook = {
  lang: Language;
  openText: boolean;
  variables: ExportVariable[];
  multipleResponseSets: MultipleResponseSet[];
  /** Open questions left out because the round does not allow exporting open text. */
  withheld: string[];
};

export type CodebookOptions = {
  lang: Language;
  openText: boolean;
  /** The teams the rows may name (data-policy.ts: those with enough respondents). */
  teams: { id: string; name: string }[];
  /** When set, a row of any other team says "team not shown" and this threshold, not the team. */
  teamWithheldBelow?: number;
  /** Longest stored text in bytes per `question` or `question._other` (string widths). */
  textWidths: ReadonlyMap<string, number>;
};

const words = {
  nl: {
    case: 'Volgnummer (willekeurige volgorde, niet de volgorde van invullen)',
    team: 'Team',
    noTeam: 'Geen team (link van de hele organisatie)',
    teamWithheld: (k: number) => `Team niet getoond: minder dan ${k} mensen van dat team vulden in`,
    language: 'Taal van het invullen',
    chosen: 'Gekozen',
    notChosen: 'Niet gekozen',
    otherText: 'toelichting bij',
  },
  en: {
    case: 'Case number (random order, not the order of answering)',
    team: 'Team',
    noTeam: 'No team (the whole organisation’s link)',
    teamWithheld: (k: number) => `Team not shown: fewer than ${k} people of that team answered`,
    language: 'Language of answering',
    chosen: 'Chosen',
    notChosen: 'Not chosen',
    otherText: 'text for',
  },
} as const;

const MAX_STRING = 32767;
const TEAM_WITHHELD = '_withheld';
const TEAM_WITHHELD_CODE = -1;

export function buildCodebook(instrument: ResolvedInstrument, options: CodebookOptions): Codebook {
  const { lang } = options;
  const w = words[lang];
  const namer = new VariableNamer();
  const t = (text: LocalisedText) => localise(text, lang);
  const variables: ExportVariable[] = [];
  const sets: MultipleResponseSet[] = [];
  const withheld: string[] = [];
  const base = { question: null, item: null, option: null, target: null, width: 0, decimals: 0, valueLabels: [], missing: [] };
  variables.push({ ...base, name: namer.name('volgnummer'), label: w.case, role: 'case', measure: 'scale' });
  variables.push({
    ...base,
    name: namer.name('team'),
    label: w.team,
    role: 'team',
    measure: 'nominal',
    target: '_team',
    valueLabels: [
      { value: 0, label: w.noTeam, key: '' },
      ...options.teams.map((team, i) => ({ value: i + 1, label: team.name, key: team.id })),
      ...(options.teamWithheldBelow === undefined ? [] : [{ value: TEAM_WITHHELD_CODE, label: w.teamWithheld(options.teamWithheldBelow), key: TEAM_WITHHELD }]),
    ],
  });
  variables.push({
    ...base,
    name: namer.name('taal'),
    label: w.language,
    role: 'language',
    measure: 'nominal',
    target: '_language',
    valueLabels: [
      { value: 1, label: 'Nederlands', key: 'nl' },
      { value: 2, label: 'English', key: 'en' },
    ],
  });
  const widthOf = (key: string) => Math.min(MAX_STRING, Math.max(1, options.textWidths.get(key) ?? 1));
  const otherText = (q: ResolvedQuestion & { other?: { label: LocalisedText } | undefined }) => {
    if (!q.other || !options.openText) return;
    variables.push({
      ...base,
      name: namer.name(`${q.key}_anders_tekst`),
      label: `${t(q.text)} (${w.otherText} ‘${t(q.other.label)}’)`,
      role: 'other_text',
      question: q.key,
      option: OTHER,
      target: `${q.key}.${OTHER}`,
      width: widthOf(`${q.key}.${OTHER}`),
      measure: 'nominal',
    });
  };
  for (const q of allQuestions(instrument)) {
    const question = { ...base, question: q.key };
    switch (q.type) {
      case 'single': {
        const valueLabels = q.options.map((o, i) => ({ value: i + 1, label: t(o.label), key: o.key }));
        if (q.other) valueLabels.push({ value: q.options.length + 1, label: t(q.other.label), key: OTHER });
        variables.push({ ...question, name: namer.name(q.key), label: t(q.text), role: 'choice', target: q.key, measure: 'nominal', valueLabels });
        otherText(q);
        break;
      }
      case 'multiple': {
        const binary = [
          { value: 0, label: w.notChosen, key: '0' },
          { value: 1, label: w.chosen, key: '1' },
        ];
        const members: string[] = [];
        const options = [...q.options.map((o) => ({ key: o.key, label: t(o.label) })), ...(q.other ? [{ key: OTHER, label: t(q.other.label) }] : [])];
        for (const o of options) {
          const name = namer.name(`${q.key}_${o.key === OTHER ? 'anders' : o.key}`);
          members.push(name);
          variables.push({
            ...question,
            name,
            label: `${t(q.text)}: ${o.label}`,
            role: 'indicator',
            option: o.key,
            target: o.key === OTHER ? null : `${q.key}.${o.key}`,
            measure: 'nominal',
            valueLabels: binary,
          });
        }
        sets.push({ name: q.key, label: t(q.text), variables: members, countedValue: 1, question: q.key });
        otherText(q);
        break;
      }
      case 'likert':
      case 'matrix': {
        const valueLabels = q.points.map((p) => ({ value: p.value, label: t(p.label), key: String(p.value) }));
        if (q.noOpinion) valueLabels.push({ value: NO_OPINION_CODE, label: t(q.noOpinion.label), key: NO_OPINION });
        const missing = q.noOpinion ? [NO_OPINION_CODE] : [];
        const items =
          q.type === 'matrix' ? q.items.map((i) => ({ key: i.key as string | null, text: `${t(q.text)}: ${t(i.text)}` })) : [{ key: null, text: t(q.text) }];
        for (const item of items)
          variables.push({
            ...question,
            name: namer.name(item.key ? `${q.key}_${item.key}` : q.key),
            label: item.text,
            role: 'scale',
            item: item.key,
            target: item.key ? `${q.key}.${item.key}` : q.key,
            measure: 'ordinal',
            valueLabels,
            missing,
          });
        break;
      }
      case 'number':
        variables.push({
          ...question,
          name: namer.name(q.key),
          label: q.unit ? `${t(q.text)} (${t(q.unit)})` : t(q.text),
          role: 'number',
          target: q.key,
          measure: 'scale',
          decimals: q.integer ? 0 : 2,
        });
        break;
      case 'short_text':
      case 'long_text':
        if (!options.openText) {
          withheld.push(q.key);
          break;
        }
        variables.push({ ...question, name: namer.name(q.key), label: t(q.text), role: 'text', target: q.key, width: widthOf(q.key), measure: 'nominal' });
        break;
    }
  }
  // Set names follow the variable naming rules too (without the `$`, which the writer adds).
  const setNamer = new VariableNamer();
  for (const set of sets) set.name = setNamer.name(set.question);
  return { lang, openText: options.openText, variables, multipleResponseSets: sets, withheld };
}

/** One answer row as the export reads it. */
export type ExportAnswerRow = { question: string; item: string | null; option: string | null; number_value: number | null; text_value: string | null };
export type ExportResponse = { teamId: string | null; language: string; answers: ExportAnswerRow[] };

/** Where the answers to one question go in a case. */
type QuestionSlots = {
  kind: VariableRole | 'multiple' | undefined;
  /** The one variable of a choice, number or open question. */
  slot: number | undefined;
  /** A choice's codes per option key. */
  codes: Map<string, number> | undefined;
  /** The 0/1 variable per option (multiple choice) or the variable per statement (scale; null: a scale without statements). */
  parts: Map<string | null, number>;
  /** Every 0/1 variable of a multiple choice, in order. */
  indicators: number[];
  /** The text of "something else". */
  otherText: number | undefined;
};

/** Where each answer goes in a case: precomputed once per export, one look-up per question. */
export type CaseLayout = { size: number; teamCodes: Map<string, number>; questions: Map<string, QuestionSlots> };

export function caseLayout(codebook: Codebook): CaseLayout {
  const questions = new Map<string, QuestionSlots>();
  const of = (question: string): QuestionSlots => {
    let slots = questions.get(question);
    if (!slots) {
      slots = { kind: undefined, slot: undefined, codes: undefined, parts: new Map(), indicators: [], otherText: undefined };
      questions.set(question, slots);
    }
    return slots;
  };
  let teamCodes = new Map<string, number>();
  codebook.variables.forEach((v, i) => {
    if (v.role === 'team') teamCodes = new Map(v.valueLabels.filter((l) => l.key !== '').map((l) => [l.key, l.value]));
    if (v.question === null) return;
    const q = of(v.question);
    switch (v.role) {
      case 'choice':
        q.slot = i;
        q.codes = new Map(v.valueLabels.map((l) => [l.key, l.value]));
        q.kind = 'choice';
        break;
      case 'indicator':
        q.parts.set(v.option, i);
        q.indicators.push(i);
        q.kind = 'multiple';
        break;
      case 'scale':
        q.parts.set(v.item, i);
        q.kind = 'scale';
        break;
      case 'other_text':
        q.otherText = i;
        break;
      default:
        q.slot = i;
        q.kind = v.role;
    }
  });
  return { size: codebook.variables.length, teamCodes, questions };
}

/** One response as a case: a value per variable, in codebook order. */
export function caseValues(layout: CaseLayout, caseNumber: number, response: ExportResponse): SavValue[] {
  const values: SavValue[] = new Array(layout.size).fill(null);
  values[0] = caseNumber;
  values[1] = response.teamId === null ? 0 : (layout.teamCodes.get(response.teamId) ?? layout.teamCodes.get(TEAM_WITHHELD) ?? null);
  values[2] = response.language === 'en' ? 2 : 1;
  let started: Set<QuestionSlots> | undefined;
  for (const row of response.answers) {
    const q = layout.questions.get(row.question);
    if (q === undefined || q.kind === undefined) continue;
    if (row.option === OTHER && row.text_value !== null && q.otherText !== undefined) values[q.otherText] = row.text_value;
    switch (q.kind) {
      case 'choice':
        if (q.slot !== undefined && row.option !== null) values[q.slot] = q.codes?.get(row.option) ?? null;
        break;
      case 'multiple': {
        // Answered: every option starts as "not chosen"; a missing marker leaves that option missing.
        started ??= new Set();
        if (!started.has(q)) {
          started.add(q);
          for (const slot of q.indicators) if (values[slot] === null) values[slot] = 0;
        }
        const slot = q.parts.get(row.option);
        if (slot === undefined) break;
        values[slot] = row.text_value === MISSING_MARKER && row.option !== OTHER ? null : 1;
        break;
      }
      case 'scale': {
        const slot = q.parts.get(row.item);
        if (slot !== undefined) values[slot] = row.option === NO_OPINION ? NO_OPINION_CODE : row.number_value === null ? null : Number(row.number_value);
        break;
      }
      case 'number':
        if (q.slot !== undefined) values[q.slot] = row.number_value === null ? null : Number(row.number_value);
        break;
      case 'text':
        if (q.slot !== undefined) values[q.slot] = row.text_value;
        break;
    }
  }
  return values;
}
