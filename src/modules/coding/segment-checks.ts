import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db } from '../../db/database.ts';
import * as store from './store.ts';
import { checkSegment } from './text-units.ts';

/** The codebook's code a new segment gets, or the person's own-language message that it must be one. */
export async function requireCode(db: Db, organisationId: string, codeId: string, nl: boolean) {
  const code = await store.findCode(db, organisationId, codeId);
  if (!code)
    throw new AppError('validation_failed', {
      issues: [{ path: 'codeId', message: nl ? 'Kies een code uit het codeboek.' : 'Choose a code from the codebook.' }],
    });
  return code;
}

/** The quoted part of a segment that lies within its text, ends after it starts and is more than white space. */
export function segmentQuote(text: string, start: number, end: number, nl: boolean): string {
  const check = checkSegment(text, start, end);
  if (check.ok) return check.quote;
  const messages = {
    range: nl ? `Kies een plek tussen 0 en ${text.length}.` : `Choose a position between 0 and ${text.length}.`,
    order: nl ? 'Het einde moet na het begin liggen.' : 'The end must come after the start.',
    empty: nl ? 'Dit stuk bevat alleen witruimte.' : 'This part contains only white space.',
  };
  throw new AppError('validation_failed', { issues: [{ path: check.field, message: messages[check.reason] }] });
}

/**
 * The fields every new segment row has (of a story's text or of an open answer), once its code is one
 * of the codebook's and its positions lie within the text; and the moment it is made.
 */
export async function newSegmentFields(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: { codeId: string; start: number; end: number },
  text: string,
) {
  const nl = actor.language === 'nl';
  const code = await requireCode(ctx.db, organisationId, input.codeId, nl);
  const quote = segmentQuote(text, input.start, input.end, nl);
  const now = ctx.clock.now();
  const fields = {
    id: newId(),
    organisation_id: organisationId,
    code_id: code.id,
    start_offset: input.start,
    end_offset: input.end,
    quote,
    created_by: actor.userId,
    created_at: now.toISOString(),
  };
  return { now, fields };
}

/** The error for a part of a text that already has the code. */
export const alreadyCoded = (nl: boolean) =>
  new AppError('validation_failed', {
    issues: [{ path: 'codeId', message: nl ? 'Dit stuk heeft deze code al.' : 'This part already has this code.' }],
  });
