import { expect, it } from 'vitest';
import { dayInWords } from './dates.ts';

it('writes a day in words in the person language, never as an ISO date', () => {
  expect(dayInWords('2027-01-02', 'nl')).toBe('2 januari 2027');
  expect(dayInWords('2027-01-02', 'en')).toBe('2 January 2027');
  expect(dayInWords('2026-12-31T23:30:00.000Z', 'nl')).toBe('31 december 2026');
});
