import type { Language } from './language.ts';

/**
 * The closed error catalogue. Services throw AppError with one of these ids; the HTTP layer maps
 * each id to a status code and a message in the user's language in one place (http/errors.ts).
 */
export const errorIds = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_credentials',
  'invitation_invalid',
  'rate_limited',
  'payload_too_large',
  'csrf_invalid',
  'internal',
] as const;

export type ErrorId = (typeof errorIds)[number];

/** What a person reads, in each language: translated at the edge, never inside a service. */
export type ErrorText = Readonly<Record<Language, string>>;

/** One module's texts by code (`<module>.<what>`): a code without both languages fails the typecheck. */
export type MessageCatalogue = Readonly<Record<`${string}.${string}`, ErrorText>>;

/**
 * Every module's codes, by module: each module's `messages.ts` adds its catalogue's keys here
 * (declaration merging), so throwing a code that no catalogue has fails the typecheck.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each catalogue (declaration merging)
export interface MessageCodes {}
export type MessageCode = MessageCodes[keyof MessageCodes];

/** Values put into a text's `{name}` placeholders at the edge; a value written per language (a date in words) as a pair. */
export type MessageParams = Readonly<Record<string, string | ErrorText>>;

/** A field's problem as the person reads it (what the edge sends). */
export type FieldIssue = { path: string; message: string };
/** A field's problem as a service states it: a code the edge translates (or, for checks that speak for themselves, a finished message). */
export type Issue = FieldIssue | { path: string; code: MessageCode; params?: MessageParams };

export class AppError extends Error {
  readonly id: ErrorId;
  readonly issues: Issue[];
  /** The module's code for this case (also in `message`, for logs); the edge looks up its text. */
  readonly code: MessageCode | undefined;
  readonly params: MessageParams;

  constructor(id: ErrorId, options: { code?: MessageCode; params?: MessageParams; issues?: Issue[]; cause?: unknown } = {}) {
    super(options.code ?? id, { cause: options.cause });
    this.name = 'AppError';
    this.id = id;
    this.code = options.code;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const conflict = (code?: MessageCode) => new AppError('conflict', code === undefined ? {} : { code });
