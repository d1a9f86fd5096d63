import * as z from 'zod';
import type { Language } from './language.ts';

type Issue = z.core.$ZodRawIssue;

const fallback = { nl: z.locales.nl().localeError, en: z.locales.en().localeError };

/**
 * Plain-language messages for the validation problems people actually meet in forms;
 * everything rarer falls back to zod's own Dutch or English locale.
 */
function plainMessage(issue: Issue, lang: Language): string | undefined {
  const nl = lang === 'nl';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return nl ? 'Dit veld is verplicht.' : 'This field is required.';
      return nl ? `Verwacht ${typeName(issue.expected, lang)}.` : `Expected ${typeName(issue.expected, lang)}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? nl
            ? 'Dit veld mag niet leeg zijn.'
            : 'This field cannot be empty.'
          : nl
            ? `Gebruik minstens ${issue.minimum} tekens.`
            : `Use at least ${issue.minimum} characters.`;
      if (issue.origin === 'number') return nl ? `Het kleinste getal is ${issue.minimum}.` : `The smallest number allowed is ${issue.minimum}.`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return nl ? `Gebruik hoogstens ${issue.maximum} tekens.` : `Use at most ${issue.maximum} characters.`;
      if (issue.origin === 'number') return nl ? `Het grootste getal is ${issue.maximum}.` : `The largest number allowed is ${issue.maximum}.`;
      return undefined;
    case 'invalid_format':
      if (issue.format === 'email') return nl ? 'Dit is geen geldig e-mailadres.' : 'This is not a valid e-mail address.';
      return undefined;
    case 'invalid_value':
      return nl ? 'Kies een van de mogelijke waarden.' : 'Choose one of the allowed values.';
    case 'unrecognized_keys':
      return nl ? `Onbekend veld: ${issue.keys.join(', ')}.` : `Unknown field: ${issue.keys.join(', ')}.`;
    default:
      return undefined;
  }
}

function typeName(expected: string, lang: Language): string {
  const names: Record<string, [string, string]> = {
    string: ['tekst', 'text'],
    number: ['een getal', 'a number'],
    boolean: ['ja of nee', 'yes or no'],
    array: ['een lijst', 'a list'],
    object: ['een object', 'an object'],
  };
  const pair = names[expected];
  return pair ? pair[lang === 'nl' ? 0 : 1] : expected;
}

export function errorMapFor(lang: Language): z.core.$ZodErrorMap {
  return (issue) => plainMessage(issue, lang) ?? fallback[lang](issue);
}
