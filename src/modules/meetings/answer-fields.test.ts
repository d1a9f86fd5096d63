import { describe, expect, it } from 'vitest';
import { liveAnswerFields, parseAnswerFields } from './answer-fields.ts';

/** What a phone's socket message must look like before its answer is read (checked by hand, see answer-fields.ts). */
describe('an answer message on the live socket', () => {
  const promptId = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('is { kind: "answer", fields } with each field a string or a list of strings, and nothing else', () => {
    expect(liveAnswerFields({ kind: 'answer', fields: { promptId, choice: 'a', choices: ['a', 'b'] } })).toEqual({
      promptId,
      choice: 'a',
      choices: ['a', 'b'],
    });
    expect(liveAnswerFields({ kind: 'answer', fields: {} })).toEqual({});
    expect(liveAnswerFields({ kind: 'ask', fields: { promptId } })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: { promptId }, extra: 1 })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer' })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: ['a'] })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: null })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: { choice: 1 } })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: { choices: ['a', 2] } })).toBeUndefined();
    expect(liveAnswerFields({ kind: 'answer', fields: { choice: { nested: 'a' } } })).toBeUndefined();
    expect(liveAnswerFields(['answer'])).toBeUndefined();
    expect(liveAnswerFields('answer')).toBeUndefined();
    expect(liveAnswerFields(null)).toBeUndefined();
  });

  it('names a prompt by a UUID and carries a client id of 8 to 64 letters, digits, - or _', () => {
    expect(parseAnswerFields({ promptId, clientId: 'client-1_A', choice: 'a' })).toEqual({ promptId, clientId: 'client-1_A', value: { choice: 'a' } });
    expect(parseAnswerFields({ promptId: 'x', clientId: 'client-1_A', choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ clientId: 'client-1_A', choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ promptId, clientId: 'short', choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ promptId, clientId: 'client id with spaces', choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ promptId, clientId: 'c'.repeat(65), choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ promptId, choice: 'a' })).toEqual({ refused: 'invalid' });
    expect(parseAnswerFields({ promptId, clientId: 'client-1_A', rank_a: '1', rank_b: '1' })).toEqual({ refused: 'rankTwice' });
    expect(parseAnswerFields({ promptId, clientId: 'client-1_A' })).toEqual({ refused: 'invalid' });
  });
});
