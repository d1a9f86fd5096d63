import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { idSchema } from '../../core/schemas.ts';

export const roundParams = z.strictObject({ orgId: idSchema, roundId: idSchema });

export const inviteInput = z.strictObject({
  /** Pasted addresses, or the text of a CSV file (read in the browser). */
  addresses: z.string().min(1).max(200_000),
  /** The round link (organisation or team) the invitations open. */
  linkId: idSchema,
  /** The language of the mails. */
  language: languageSchema,
});

export const inviteResult = z.object({
  added: z.number().int(),
  alreadyInvited: z.number().int(),
  /** What looked like an address but is not one: shown back so the person can correct it. */
  invalid: z.array(z.string()),
});

export const remindersInput = z.strictObject({ dates: z.array(z.iso.date()).max(10) });

export const targetsInput = z.strictObject({
  targets: z.array(z.strictObject({ linkId: idSchema, target: z.number().int().min(1).max(100_000).nullable() })).max(200),
});

export const invitationSummary = z.object({
  mailEnabled: z.boolean(),
  invited: z.number().int(),
  /** Invitations used up to the last daily batch; null when below `answeredFewerThan` for this viewer. */
  answered: z.number().int().nullable(),
  answeredFewerThan: z.number().int().nullable(),
  reminders: z.array(z.object({ sendOn: z.string(), sent: z.boolean() })),
  closingNoticeSent: z.boolean(),
  targets: z.array(z.object({ linkId: idSchema, target: z.number().int() })),
});
export type InvitationSummary = z.infer<typeof invitationSummary>;

export const brandingParams = z.strictObject({ orgId: idSchema });
export const brandingInput = z.strictObject({
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable(),
});
export const logoView = z.object({ width: z.number().int(), height: z.number().int(), updatedAt: z.string() }).nullable();
export const brandingView = z.object({ colour: z.string().nullable(), logo: logoView });

/** The answers of this module's routes, for the web app (`import type`). */
export type BrandingView = z.infer<typeof brandingView>;
export type InviteResult = z.infer<typeof inviteResult>;
export type LogoView = z.infer<typeof logoView>;
