import { centralConcepts, historicalRoots, logicsWithExample, mediaOpportunities, mediaRisks } from './builtin-glossary.shared.ts';
import { sectors, status, support, teamPositions, themes, training } from './builtin-practice.shared.ts';
import { centralDiscussions, experientialKnowledgeMarks, knowledgePositions, logics, roles } from './builtin-seed.shared.ts';
import type { Framework } from './model.ts';

/**
 * The built-in frameworks: the concepts of the seed and the project glossary as code lists.
 * They are never edited in place: a change is a new entry with the next version (define it with
 * builtin(..., version)), so answers keep pointing at the words they were given.
 */

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every version of every built-in framework, oldest version first per key. Frozen: callers share them. */
export const builtinFrameworks: readonly Framework[] = deepFreeze([
  roles,
  knowledgePositions,
  logics,
  status,
  training,
  sectors,
  teamPositions,
  support,
  themes,
  experientialKnowledgeMarks,
  centralDiscussions,
  centralConcepts,
  historicalRoots,
  mediaOpportunities,
  mediaRisks,
  logicsWithExample,
]);

export const builtinFrameworkKeys: readonly string[] = [...new Set(builtinFrameworks.map((f) => f.key))];

export const isBuiltinKey = (key: string): boolean => builtinFrameworks.some((f) => f.key === key);

/** The given version of a built-in framework, or its latest version when none is given. */
export function getBuiltinFramework(key: string, version?: number): Framework | undefined {
  const versions = builtinFrameworks.filter((f) => f.key === key);
  if (version !== undefined) return versions.find((f) => f.version === version);
  return versions.reduce<Framework | undefined>((latest, f) => (!latest || f.version > latest.version ? f : latest), undefined);
}

/** The latest version of each built-in framework, in the order above. */
export function latestBuiltinFrameworks(): Framework[] {
  return builtinFrameworkKeys.map((key) => getBuiltinFramework(key)).filter((f): f is Framework => f !== undefined);
}
