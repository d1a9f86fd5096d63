import { api, apiPath } from '../../api.ts';
import type { Language } from '../../types.ts';
import type { Framework } from '../inbeeld/types.ts';

/** The frameworks a story can be tagged with, in the organisation's version (built-in unless it extended them). */
export async function loadTagFrameworks(orgId: string, signal?: AbortSignal): Promise<Framework[]> {
  const { frameworks } = await api.get<{ frameworks: Framework[] }>(apiPath`/api/orgs/${orgId}/frameworks`, { signal });
  const wanted = ['knowledge_positions', 'logics', 'roles', 'themes', 'experiential_knowledge_marks'];
  return wanted.map((key) => frameworks.find((f) => f.key === key)).filter((f): f is Framework => f !== undefined);
}

export const codeLabel = (frameworks: readonly Framework[], key: string, code: string, lang: Language): string =>
  frameworks.find((f) => f.key === key)?.codes.find((c) => c.key === code)?.label[lang] ?? code;

export const frameworkName = (frameworks: readonly Framework[], key: string, lang: Language): string =>
  frameworks.find((f) => f.key === key)?.name[lang] ?? key;
