/** Pure text rewrites for erasure: a person's id in a JSON list, their name in a charter's text. */

export function replaceIdInJsonList(json: string, from: string, to: string): string {
  const list = JSON.parse(json) as unknown;
  return Array.isArray(list) ? JSON.stringify(list.map((v) => (v === from ? to : v))) : json;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the whole name (not inside a longer word) in every string of a JSON document. */
export function replaceNameInJson(json: string, name: string, replacement: string): string {
  if (name.trim() === '') return json;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, replacement);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return JSON.stringify(walk(JSON.parse(json)));
}
