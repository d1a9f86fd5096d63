import { api, apiPath } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import type { Framework } from '../inbeeld/types.ts';

export type CodeLabels = { logics: Map<string, string>; themes: Map<string, string>; frameworks: Framework[] };

/** The organisation's frameworks, and the labels of the logics and themes in the current language. */
export async function loadLabels(orgId: string, signal: AbortSignal): Promise<CodeLabels> {
  const { frameworks } = await api.get<{ frameworks: Framework[] }>(apiPath`/api/orgs/${orgId}/frameworks`, { signal });
  const lang = currentLanguage();
  const labelsOf = (key: string) => new Map((frameworks.find((f) => f.key === key)?.codes ?? []).map((c) => [c.key, c.label[lang]]));
  return { logics: labelsOf('logics'), themes: labelsOf('themes'), frameworks };
}
