import type { FieldIssue } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import type { Framework, FrameworkCode } from './model.ts';

/**
 * The pure rules for an organisation's framework: no database, no clock. The service calls
 * these and turns the problems into a validation error in the person's language.
 */

const messages = {
  duplicateCode: {
    nl: (key: string) => `De code '${key}' komt meer dan één keer voor. Geef elke code een eigen sleutel.`,
    en: (key: string) => `The code '${key}' appears more than once. Give every code its own key.`,
  },
  builtinKeyTaken: {
    nl: (key: string) => `'${key}' is de naam van een ingebouwd kader. Kies een andere sleutel, of breid het ingebouwde kader uit.`,
    en: (key: string) => `'${key}' is the name of a built-in framework. Choose another key, or extend the built-in framework.`,
  },
  notABuiltin: {
    nl: (key: string) => `Er is geen ingebouwd kader '${key}' om uit te breiden.`,
    en: (key: string) => `There is no built-in framework '${key}' to extend.`,
  },
  builtinCodeReused: {
    nl: (key: string) => `De code '${key}' zit al in het ingebouwde kader. Geef je eigen code een andere sleutel.`,
    en: (key: string) => `The code '${key}' is already part of the built-in framework. Give your own code another key.`,
  },
} as const;

/** Problems with the codes themselves: every key once. */
export function duplicateCodeIssues(codes: readonly Pick<FrameworkCode, 'key'>[], lang: Language): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  codes.forEach((code, index) => {
    if (seen.has(code.key)) issues.push({ path: `codes.${index}.key`, message: messages.duplicateCode[lang](code.key) });
    seen.add(code.key);
  });
  return issues;
}

export type CompositionInput = { key: string; codes: readonly FrameworkCode[]; extendsBuiltin?: boolean | undefined };

/**
 * The codes an organisation's new version holds, or the reasons it cannot be saved.
 * A built-in key may only be reused to extend that framework; the extension holds the built-in
 * codes first, then the organisation's own, which may not reuse a built-in code key.
 */
export function composeCodes(
  input: CompositionInput,
  builtin: Framework | undefined,
  lang: Language,
): { ok: true; codes: FrameworkCode[]; extendsKey: string | null } | { ok: false; issues: FieldIssue[] } {
  const own = input.codes.map(normaliseCode);
  const duplicates = duplicateCodeIssues(own, lang);
  if (input.extendsBuiltin) {
    if (!builtin) return { ok: false, issues: [{ path: 'extendsBuiltin', message: messages.notABuiltin[lang](input.key) }] };
    const builtinKeys = new Set(builtin.codes.map((c) => c.key));
    const reused = own.flatMap((c, index) =>
      builtinKeys.has(c.key) ? [{ path: `codes.${index}.key`, message: messages.builtinCodeReused[lang](c.key) }] : [],
    );
    const issues = [...reused, ...duplicates];
    if (issues.length) return { ok: false, issues };
    return { ok: true, codes: [...builtin.codes.map(normaliseCode), ...own], extendsKey: builtin.key };
  }
  if (builtin) return { ok: false, issues: [{ path: 'key', message: messages.builtinKeyTaken[lang](input.key) }] };
  if (duplicates.length) return { ok: false, issues: duplicates };
  return { ok: true, codes: own, extendsKey: null };
}

/** A plain copy with a fixed property order, so stored JSON compares equal when nothing changed. */
function normaliseCode(code: FrameworkCode): FrameworkCode {
  return {
    key: code.key,
    label: { nl: code.label.nl, en: code.label.en },
    definition: { nl: code.definition.nl, en: code.definition.en },
    ...(code.exclusive ? { exclusive: true } : {}),
  };
}

/** Whether a new version would say exactly what the latest one says. */
export function sameContent(a: Pick<Framework, 'name' | 'description' | 'codes'>, b: Pick<Framework, 'name' | 'description' | 'codes'>): boolean {
  const content = (f: typeof a) => JSON.stringify([f.name.nl, f.name.en, f.description.nl, f.description.en, f.codes.map(normaliseCode)]);
  return content(a) === content(b);
}
