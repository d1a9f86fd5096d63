import type { Framework, FrameworkCode } from '../frameworks/model.ts';
import type { InlineOption, InstrumentDefinition, LocalisedText, MatrixItem, Question, Section } from './definition.ts';
import { type ConditionTarget, conditionIssues, type DefinitionIssue, type Message, targetOf } from './definition-checks.ts';

/** Finds a framework version: the built-in ones and, for an organisation, its own. */
export type FrameworkLookup = (key: string, version: number) => Framework | undefined;

export type ResolvedOption = { key: string; label: LocalisedText; exclusive: boolean; description?: LocalisedText };
export type FrameworkSource = { framework: string; version: number };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;
type MatrixQuestion = Extract<Question, { type: 'matrix' }>;

/** A choice question with its options written out; `source` remembers the framework they came from. */
export type ResolvedChoiceQuestion = DistributiveOmit<ChoiceQuestion, 'options'> & { options: ResolvedOption[]; source: FrameworkSource | null };
export type ResolvedMatrixQuestion = Omit<MatrixQuestion, 'items'> & { items: MatrixItem[]; source: FrameworkSource | null };
export type ResolvedQuestion = Exclude<Question, { type: 'single' | 'multiple' | 'matrix' }> | ResolvedChoiceQuestion | ResolvedMatrixQuestion;
export type ResolvedSection = Omit<Section, 'questions'> & { questions: ResolvedQuestion[] };
export type ResolvedInstrument = Omit<InstrumentDefinition, 'sections'> & { sections: ResolvedSection[] };

export type ResolveResult = { ok: true; instrument: ResolvedInstrument } | { ok: false; issues: DefinitionIssue[] };

type Drawn = { framework: string; version: number; include?: string[] | undefined; exclude?: string[] | undefined; exclusive?: string[] | undefined };
type Path = (string | number)[];

const m = (nl: string, en: string): Message => ({ nl, en });

/** The codes a question draws from a framework, in the framework's order, narrowed by include and exclude. */
function drawCodes(source: Drawn, lookup: FrameworkLookup, path: Path): { codes: FrameworkCode[]; issues: DefinitionIssue[] } {
  const framework = lookup(source.framework, source.version);
  if (!framework) {
    const message = m(
      `Het kader ‘${source.framework}’ (versie ${source.version}) bestaat niet.`,
      `Framework ‘${source.framework}’ (version ${source.version}) does not exist.`,
    );
    return { codes: [], issues: [{ path: [...path, 'framework'], message }] };
  }
  const known = new Set(framework.codes.map((c) => c.key));
  const issues: DefinitionIssue[] = [];
  for (const field of ['include', 'exclude', 'exclusive'] as const) {
    (source[field] ?? []).forEach((code, i) => {
      if (!known.has(code))
        issues.push({
          path: [...path, field, i],
          message: m(`Het kader ‘${framework.key}’ heeft geen code ‘${code}’.`, `Framework ‘${framework.key}’ has no code ‘${code}’.`),
        });
    });
  }
  const include = source.include ? new Set(source.include) : undefined;
  const exclude = new Set(source.exclude ?? []);
  const codes = framework.codes.filter((c) => (include ? include.has(c.key) : true) && !exclude.has(c.key));
  if (codes.length === 0 && issues.length === 0) issues.push({ path, message: m('Er blijft niets over om uit te kiezen.', 'Nothing is left to choose from.') });
  return { codes, issues };
}

const fromInline = (options: InlineOption[]): ResolvedOption[] => options.map((o) => ({ key: o.key, label: o.label, exclusive: o.exclusive === true }));

function resolveChoice(question: ChoiceQuestion, lookup: FrameworkLookup, path: Path): { question: ResolvedQuestion; issues: DefinitionIssue[] } {
  const { options: source, ...rest } = question;
  let options: ResolvedOption[];
  const issues: DefinitionIssue[] = [];
  if (Array.isArray(source)) options = fromInline(source);
  else {
    const drawn = drawCodes(source, lookup, [...path, 'options']);
    issues.push(...drawn.issues);
    const exclusive = new Set(source.exclusive ?? []);
    options = drawn.codes.map((c) => ({ key: c.key, label: c.label, exclusive: c.exclusive === true || exclusive.has(c.key), description: c.definition }));
  }
  if (rest.type === 'multiple' && rest.maxSelected !== undefined && options.length > 0) {
    const available = options.length + (rest.other ? 1 : 0);
    if (rest.maxSelected > available)
      issues.push({
        path: [...path, 'maxSelected'],
        message: m(
          `Er zijn maar ${available} antwoordmogelijkheden; ‘hoogstens’ kan niet ${rest.maxSelected} zijn.`,
          `There are only ${available} options; the maximum cannot be ${rest.maxSelected}.`,
        ),
      });
  }
  const sourceOf = Array.isArray(source) ? null : { framework: source.framework, version: source.version };
  return { question: { ...rest, options, source: sourceOf } as ResolvedChoiceQuestion, issues };
}

function resolveMatrix(question: MatrixQuestion, lookup: FrameworkLookup, path: Path): { question: ResolvedQuestion; issues: DefinitionIssue[] } {
  const { items: source, ...rest } = question;
  if (Array.isArray(source)) return { question: { ...rest, items: source, source: null }, issues: [] };
  const drawn = drawCodes(source, lookup, [...path, 'items']);
  const items = drawn.codes.map((c) => ({ key: c.key, text: source.text === 'definition' ? c.definition : c.label }));
  return { question: { ...rest, items, source: { framework: source.framework, version: source.version } }, issues: drawn.issues };
}

function resolveQuestion(question: Question, lookup: FrameworkLookup, path: Path): { question: ResolvedQuestion; issues: DefinitionIssue[] } {
  if (question.type === 'single' || question.type === 'multiple') return resolveChoice(question, lookup, path);
  if (question.type === 'matrix') return resolveMatrix(question, lookup, path);
  return { question, issues: [] };
}

/** Conditions on framework codes can only be checked once the codes are known. */
function resolvedConditionIssues(instrument: ResolvedInstrument): DefinitionIssue[] {
  const all = new Set(instrument.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const earlier = new Map<string, ConditionTarget>();
  return instrument.sections.flatMap((section, si) =>
    section.questions.flatMap((question, qi) => {
      const issues = question.showIf ? conditionIssues(question.showIf, ['sections', si, 'questions', qi, 'showIf'], earlier, all) : [];
      const keys = 'options' in question ? question.options.map((o) => o.key) : question.type === 'matrix' ? question.items.map((i) => i.key) : undefined;
      if (!earlier.has(question.key)) earlier.set(question.key, targetOf(question, keys));
      return issues;
    }),
  );
}

/**
 * Writes out what a definition draws from frameworks, so a published version is complete in itself
 * and keeps its words when a framework gets a new version. Pure: the lookup decides what exists.
 */
export function resolveInstrument(definition: InstrumentDefinition, lookup: FrameworkLookup): ResolveResult {
  const issues: DefinitionIssue[] = [];
  const sections = definition.sections.map((section, si) => ({
    ...section,
    questions: section.questions.map((question, qi) => {
      const resolved = resolveQuestion(question, lookup, ['sections', si, 'questions', qi]);
      issues.push(...resolved.issues);
      return resolved.question;
    }),
  }));
  if (issues.length > 0) return { ok: false, issues };
  const instrument: ResolvedInstrument = { ...definition, sections };
  const conditionProblems = resolvedConditionIssues(instrument);
  return conditionProblems.length > 0 ? { ok: false, issues: conditionProblems } : { ok: true, instrument };
}

/** The frameworks a definition draws from, so a caller can fetch them before resolving. */
export function frameworkReferences(definition: InstrumentDefinition): FrameworkSource[] {
  const refs = new Map<string, FrameworkSource>();
  for (const q of definition.sections.flatMap((s) => s.questions)) {
    const drawn = q.type === 'single' || q.type === 'multiple' ? q.options : q.type === 'matrix' ? q.items : [];
    if (!Array.isArray(drawn)) refs.set(`${drawn.framework}@${drawn.version}`, { framework: drawn.framework, version: drawn.version });
  }
  return [...refs.values()];
}
