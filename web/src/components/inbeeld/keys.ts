/** A short key for exports from a title: "Cocreatie in beeld 2027" → "cocreatie-in-beeld-2027". */
export function keyFromTitle(title: string, fallback: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The key, or the key with -2, -3 … when it is taken. */
export function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  for (let n = 2; ; n++) if (!taken.has(`${key}-${n}`)) return `${key}-${n}`;
}

export const INSTRUMENT_KEY_PATTERN = /^[a-z][a-z0-9_-]*$/;
