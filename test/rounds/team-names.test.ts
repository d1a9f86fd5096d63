import { expect, it } from 'vitest';
import { formMessages } from '../../src/modules/rounds/form/messages.ts';

// Team names are written by people and usually already say "Team" ("Team Herstel"): texts use the name as it is.
it('says a team name once, as its people wrote it', () => {
  expect(formMessages('nl').forWhom('De Brug GGZ', 'Team Herstel')).toBe('Voor De Brug GGZ, Team Herstel');
  expect(formMessages('en').forWhom('De Brug GGZ', 'Team Herstel')).toBe('For De Brug GGZ, Team Herstel');
  expect(formMessages('nl').forWhom('De Brug GGZ', null)).toBe('Voor De Brug GGZ');
});
