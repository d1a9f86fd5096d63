import { describe, expect, it } from 'vitest';
import type { AnswerValue } from './model.ts';
import { type CountedAnswer, promptResults } from './results.ts';

/**
 * Choice answers come counted from the database (one row per value and position, with its count `n`):
 * the results, the groups shown apart and the suppression are exactly those of the answers one by one.
 */
describe('results of answers counted together', () => {
  const weighted = (rows: [CountedAnswer['group'], AnswerValue, number][]): CountedAnswer[] => rows.map(([group, value, n]) => ({ group, value, n }));
  const oneByOne = (answers: CountedAnswer[]): CountedAnswer[] =>
    answers.flatMap(({ group, value, n }) => Array.from({ length: n ?? 1 }, () => ({ group, value })));

  const single = weighted([
    ['experience_workers', { choice: 'a' }, 7],
    ['experience_workers', { choice: 'b' }, 1],
    ['professionals', { choice: 'b' }, 6],
    [null, { choice: 'a' }, 2],
  ]);
  const multiple = weighted([
    ['experience_workers', { choices: ['a', 'b'] }, 5],
    ['professionals', { choices: ['b'] }, 6],
    ['professionals', { choices: ['a', 'c'] }, 1],
    [null, { choices: ['c'] }, 3],
  ]);
  const ranking = weighted([
    ['experience_workers', { order: ['a', 'b', 'c'] }, 5],
    ['professionals', { order: ['c', 'b', 'a'] }, 5],
    [null, { order: ['b', 'a', 'c'] }, 1],
  ]);

  it('gives the same single-choice table, split and merged', () => {
    expect(promptResults('single', ['a', 'b'], single, 5)).toEqual(promptResults('single', ['a', 'b'], oneByOne(single), 5));
    expect(promptResults('single', ['a', 'b'], single, 7)).toEqual(promptResults('single', ['a', 'b'], oneByOne(single), 7));
    const split = promptResults('single', ['a', 'b'], single, 5);
    expect(split.answered).toBe(16);
    // Two people in neither group (fewer than k): the smaller group, the professionals, merges back.
    expect(split.shown).toEqual(['experience_workers']);
    expect(split.rows?.map((r) => r.room.count)).toEqual([9, 7]);
  });

  it('gives the same multiple-choice and ranking results', () => {
    expect(promptResults('multiple', ['a', 'b', 'c'], multiple, 5)).toEqual(promptResults('multiple', ['a', 'b', 'c'], oneByOne(multiple), 5));
    expect(promptResults('multiple', ['a', 'b', 'c'], multiple, 6)).toEqual(promptResults('multiple', ['a', 'b', 'c'], oneByOne(multiple), 6));
    const ranked = promptResults('ranking', ['a', 'b', 'c'], ranking, 5);
    expect(ranked).toEqual(promptResults('ranking', ['a', 'b', 'c'], oneByOne(ranking), 5));
    expect(ranked.ranking?.map((r) => r.room)).toEqual([22, 23, 21]);
  });
});
