import type { AppError, FieldIssue, Issue, MessageCatalogue, MessageCode, MessageCodes, MessageParams } from '../core/errors.ts';
import type { Language } from '../core/language.ts';
import { coreMessages, errorMessages } from '../core/messages.ts';
import { accountsMessages } from '../modules/accounts/messages.ts';
import { analysisMessages } from '../modules/analysis/messages.ts';
import { factorsMessages } from '../modules/factors/messages.ts';
import { instrumentsMessages } from '../modules/instruments/messages.ts';
import { meetingsMessages } from '../modules/meetings/messages.ts';
import { organisationsMessages } from '../modules/organisations/messages.ts';
import { privacyMessages } from '../modules/privacy/messages.ts';
import { roundInvitationsMessages } from '../modules/round-invitations/messages.ts';
import { roundsMessages } from '../modules/rounds/messages.ts';
import { ssoMessages } from '../modules/sso/messages.ts';
import { trajectenMessages } from '../modules/trajecten/messages.ts';

/**
 * Every catalogue, by the prefix of its codes: services throw codes, and here, at the edge (the
 * HTTP error handler, the server-rendered pages, the command line), a code becomes a text.
 */
export const catalogues: Readonly<Record<keyof MessageCodes, MessageCatalogue>> = {
  core: coreMessages,
  accounts: accountsMessages,
  analysis: analysisMessages,
  factors: factorsMessages,
  instruments: instrumentsMessages,
  meetings: meetingsMessages,
  organisations: organisationsMessages,
  privacy: privacyMessages,
  'round-invitations': roundInvitationsMessages,
  rounds: roundsMessages,
  sso: ssoMessages,
  trajecten: trajectenMessages,
};

function fill(text: string, params: MessageParams, lang: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'string' ? value : value[lang];
  });
}

const lookUp = (code: MessageCode, lang: Language): string | undefined =>
  catalogues[code.slice(0, code.indexOf('.')) as keyof MessageCodes]?.[code as `${string}.${string}`]?.[lang];

/** The text of a code in a language (the code itself if no catalogue had it: the catalogue test keeps that from happening). */
export function textOf(code: MessageCode, lang: Language, params: MessageParams = {}): string {
  return fill(lookUp(code, lang) ?? code, params, lang);
}

/** What a person reads for this error: the module's text for its code, else the general text for its id. */
export function messageOf(error: AppError, lang: Language): string {
  return error.code && lookUp(error.code, lang) !== undefined ? textOf(error.code, lang, error.params) : errorMessages[error.id][lang];
}

/** The field issues in the person's language: coded ones translated, finished ones as they are. */
export function issuesOf(issues: readonly Issue[], lang: Language): FieldIssue[] {
  return issues.map((issue) => ('code' in issue ? { path: issue.path, message: textOf(issue.code, lang, issue.params) } : issue));
}
