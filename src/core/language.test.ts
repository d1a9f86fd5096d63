import { describe, expect, it } from 'vitest';
import { languageFromHeader } from './language.ts';

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-BE,fr;q=0.9,en;q=0.5', 'en'],
    ['fr, de', 'nl'],
    ['en;q=0, nl;q=0.1', 'nl'],
    ['de;q=1, en;q=0.2, nl;q=0.3', 'nl'],
  ])('%s → %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});
