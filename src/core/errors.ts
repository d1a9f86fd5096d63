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

export type FieldIssue = { path: string; message: string };

/** What a person reads about this error, in each language: translated at the edge (http/errors.ts). */
export type ErrorText = Readonly<Record<Language, string>>;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly issues: FieldIssue[];
  /** The module's own message for this case (its code stays in `message`); the edge picks the language. */
  readonly text: ErrorText | undefined;

  constructor(id: ErrorId, options: { detail?: string; text?: ErrorText; issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(options.detail ?? id, { cause: options.cause });
    this.name = 'AppError';
    this.id = id;
    this.issues = options.issues ?? [];
    this.text = options.text;
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const conflict = (detail?: string) => new AppError('conflict', detail === undefined ? {} : { detail });
