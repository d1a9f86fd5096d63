import type { Framework, FrameworkCode } from './model.ts';

/** Small helpers that keep the built-in word lists readable: [Dutch, English] pairs. */
export type Pair = readonly [nl: string, en: string];

export const code = (key: string, label: Pair, definition: Pair, exclusive?: true): FrameworkCode => ({
  key,
  label: { nl: label[0], en: label[1] },
  definition: { nl: definition[0], en: definition[1] },
  ...(exclusive ? { exclusive } : {}),
});

export const builtin = ({
  key,
  name,
  description,
  codes,
  version = 1,
  sources = [],
}: {
  key: string;
  name: Pair;
  description: Pair;
  codes: FrameworkCode[];
  version?: number;
  sources?: Pair[];
}): Framework => ({
  key,
  version,
  scope: 'builtin',
  name: { nl: name[0], en: name[1] },
  description: { nl: description[0], en: description[1] },
  codes,
  ...(sources.length > 0 ? { sources: sources.map(([nl, en]) => ({ nl, en })) } : {}),
});
