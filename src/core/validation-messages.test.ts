import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { errorMapFor } from './validation-messages.ts';

const messages = (schema: z.ZodType, value: unknown, lang: 'nl' | 'en') => {
  const result = schema.safeParse(value, { error: errorMapFor(lang) });
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('plain-language validation messages', () => {
  const schema = z.strictObject({ name: z.string().min(2).max(5), age: z.number().min(0), email: z.email().optional() });

  it('speaks Dutch', () => {
    expect(messages(schema, {}, 'nl')).toEqual(['Dit veld is verplicht.', 'Dit veld is verplicht.']);
    expect(messages(schema, { name: 'a', age: -1, email: 'x' }, 'nl')).toEqual([
      'Gebruik minstens 2 tekens.',
      'Het kleinste getal is 0.',
      'Dit is geen geldig e-mailadres.',
    ]);
    expect(messages(schema, { name: 'abc', age: 1, extra: true }, 'nl')).toEqual(['Onbekend veld: extra.']);
  });

  it('speaks English', () => {
    expect(messages(schema, { name: 'abcdefg', age: 'x' }, 'en')).toEqual(['Use at most 5 characters.', 'Expected a number.']);
  });

  it('falls back to the zod locale for rare cases', () => {
    expect(messages(z.number().multipleOf(5), 7, 'nl')[0]).toMatch(/veelvoud/);
  });
});
