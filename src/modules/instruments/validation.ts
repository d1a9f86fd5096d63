import type * as z from 'zod';
import type { FieldIssue } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { errorMapFor } from '../../core/validation-messages.ts';
import { type InstrumentDefinition, instrumentDefinitionSchema } from './definition.ts';
import type { DefinitionIssue, Message } from './definition-checks.ts';

export type DefinitionResult = { ok: true; definition: InstrumentDefinition } | { ok: false; issues: FieldIssue[] };

const structureMessages = {
  unknownType: { nl: 'Onbekend soort vraag.', en: 'Unknown kind of question.' },
  badShape: { nl: 'Dit onderdeel is niet goed opgebouwd.', en: 'This part is not put together correctly.' },
} satisfies Record<string, Message>;

export const pathString = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export const localiseIssues = (issues: DefinitionIssue[], lang: Language): FieldIssue[] =>
  issues.map((issue) => ({ path: pathString(issue.path), message: issue.message[lang] }));

/** The editor's own wording for what zod would say technically (patterns, list lengths, unions). */
function errorMap(lang: Language): z.core.$ZodErrorMap {
  const plain = errorMapFor(lang);
  const nl = lang === 'nl';
  return (issue) => {
    if (issue.code === 'invalid_union') {
      if (issue.input === undefined) return plain({ ...issue, code: 'invalid_type', expected: 'object' } as z.core.$ZodRawIssue);
      const noDiscriminator = 'discriminator' in issue && issue.discriminator !== undefined;
      return (noDiscriminator ? structureMessages.unknownType : structureMessages.badShape)[lang];
    }
    if (issue.code === 'invalid_format' && issue.format === 'regex') {
      const hyphen = String(issue.pattern).includes('_-');
      return nl
        ? `Gebruik alleen kleine letters zonder accenten, cijfers${hyphen ? ', -' : ''} en _, en begin met een letter.`
        : `Use only lower-case letters without accents, digits${hyphen ? ', -' : ''} and _, and start with a letter.`;
    }
    if (issue.code === 'too_small' && issue.origin === 'array') return nl ? `Voeg er minstens ${issue.minimum} toe.` : `Add at least ${issue.minimum}.`;
    if (issue.code === 'too_big' && issue.origin === 'array') return nl ? `Gebruik er hoogstens ${issue.maximum}.` : `Use at most ${issue.maximum}.`;
    return plain(issue);
  };
}

/** Parses a definition someone sent; every problem comes back with its path and a message in their language. */
export function parseDefinition(raw: unknown, lang: Language): DefinitionResult {
  const result = instrumentDefinitionSchema.safeParse(raw, { error: errorMap(lang) });
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const params = issue.code === 'custom' ? (issue.params as Partial<Message> | undefined) : undefined;
      return { path: pathString(issue.path), message: params?.[lang] ?? issue.message };
    }),
  };
}

/** A draft may be unfinished; a published version is what respondents see, so every part has a question. */
export function publishIssues(definition: InstrumentDefinition): DefinitionIssue[] {
  if (definition.sections.length === 0)
    return [{ path: ['sections'], message: { nl: 'Voeg minstens één deel met vragen toe.', en: 'Add at least one section with questions.' } }];
  return definition.sections.flatMap((section, i) =>
    section.questions.length === 0
      ? [
          {
            path: ['sections', i, 'questions'],
            message: { nl: `Deel ‘${section.key}’ heeft nog geen vragen.`, en: `Section ‘${section.key}’ has no questions yet.` },
          },
        ]
      : [],
  );
}
