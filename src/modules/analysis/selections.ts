import type { Db } from '../../db/database.ts';
import { allQuestions, OTHER } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import * as survey from '../rounds/answers.ts';
import type { Localised } from './core/index.ts';
import { type Dimension, decideSelections, type Respondent, type SelectionVerdict } from './core/selection-system.ts';
import * as store from './store.ts';

/**
 * Which selections (a team, answers to questions, or both) someone who may not see small counts can
 * open: the database side of core/selection-system.ts. The dimensions are those of the request, with
 * every value each can take, so every sibling the person could ask for is weighed with it.
 */

export type SelectionFilter = { kind: 'team'; team: string } | { kind: 'answer'; question: string; option: string };

export const NO_TEAM = '_none';
const NOT_CHOSEN = '_not_chosen';

/**
 * How many filters someone who may not see small counts can combine. The selection system is proven
 * for one and two dimensions at once; a third would open combinations across a three-way table that
 * it does not solve as a whole, so such a selection is refused rather than guessed safe.
 */
export const MAX_SUPPRESSED_FILTERS = 2;

export const selectionRefusal = (reason: 'too_few' | 'derivable' | 'too_many_filters', k: number): Localised =>
  reason === 'too_many_filters'
    ? {
        nl: `Kies hoogstens ${MAX_SUPPRESSED_FILTERS} filters tegelijk (een team telt ook als filter). Met meer filters kunnen we groepen van minder dan ${k} mensen niet goed beschermen.`,
        en: `Choose at most ${MAX_SUPPRESSED_FILTERS} filters at once (a team counts as a filter too). With more filters we cannot properly protect groups of fewer than ${k} people.`,
      }
    : reason === 'too_few'
      ? {
          nl: `Deze selectie telt minder dan ${k} mensen. Kies een ruimere selectie.`,
          en: `This selection has fewer than ${k} people. Choose a wider selection.`,
        }
      : {
          nl: `Deze selectie tonen we niet: samen met andere selecties zou je dan een groep van minder dan ${k} mensen kunnen terugrekenen. Kies een andere selectie.`,
          en: `This selection is not shown: together with other selections, a group of fewer than ${k} people could then be worked out. Choose another selection.`,
        };

/** The dimension a filter moves along, and the value it picks (an index into the dimension's values). */
function dimensionOf(instrument: ResolvedInstrument, teams: string[], filter: SelectionFilter): { dimension: Dimension; value: number } | null {
  if (filter.kind === 'team') {
    const values = [...teams, NO_TEAM];
    return { dimension: { kind: 'team', values }, value: values.indexOf(filter.team) };
  }
  const q = allQuestions(instrument).find((x) => x.key === filter.question);
  if (q?.type === 'single') {
    const values = [...q.options.map((o) => o.key), ...(q.other ? [OTHER] : [])];
    return { dimension: { kind: 'single', values }, value: values.indexOf(filter.option) };
  }
  if (q?.type === 'multiple') return { dimension: { kind: 'multiple', values: [filter.option, NOT_CHOSEN] }, value: 0 };
  return null;
}

/** Decides a selection for someone who may not see small counts. */
export async function decideSelection(
  db: Db,
  instrument: ResolvedInstrument,
  whole: survey.Scope,
  filters: SelectionFilter[],
  k: number,
): Promise<SelectionVerdict> {
  const teams = await store.teamIdsOf(db, whole.organisationId);
  const chosen = filters.map((f) => dimensionOf(instrument, teams, f));
  if (chosen.some((c) => c === null || c.value < 0)) return { allowed: false, reason: 'too_few' };
  const dims = chosen as { dimension: Dimension; value: number }[];
  const questions = filters.flatMap((f) => (f.kind === 'answer' ? [f.question] : []));
  const { responses, rows } = await survey.respondentsFor(db, whole, questions);
  const byResponse = new Map<string, typeof rows>();
  for (const row of rows) byResponse.set(row.responseId, [...(byResponse.get(row.responseId) ?? []), row]);
  const respondents: Respondent[] = responses.map((r) =>
    filters.map((filter, d) => {
      const dimension = dims[d]?.dimension;
      if (filter.kind === 'team' || !dimension) return dimension?.values.indexOf(r.teamId ?? NO_TEAM) ?? -1;
      const mine = (byResponse.get(r.id) ?? []).filter((row) => row.question === filter.question);
      if (dimension.kind === 'single') return dimension.values.indexOf(mine.find((row) => !row.marker)?.option ?? '');
      // Multiple choice: a marker for this option means it was left blank, which is missing, not "did not choose".
      if (mine.length === 0 || mine.some((row) => row.marker && row.option === filter.option)) return -1;
      return mine.some((row) => !row.marker && row.option === filter.option) ? 0 : 1;
    }),
  );
  return decideSelections(
    dims.map((d) => d.dimension),
    respondents,
    k,
  )(dims.map((d) => d.value));
}
