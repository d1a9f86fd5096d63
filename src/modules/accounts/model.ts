import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { displayNameSchema, emailSchema, idSchema } from '../../core/schemas.ts';
import { secondFactorNeededView } from '../factors/model.ts';
import { organisationView, positionSchema, teamView } from '../organisations/model.ts';

/** Long passphrases are welcome; no composition rules (ASVS 6.2). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const newPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const loginInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const myTeamView = teamView.pick({ id: true, name: true }).extend({ organisationId: idSchema, position: positionSchema });
export type MyTeamView = z.infer<typeof myTeamView>;

export const meView = z.object({
  user: z.object({ id: idSchema, email: z.string(), displayName: z.string(), language: languageSchema }),
  organisations: z.array(organisationView),
  teams: z.array(myTeamView),
});
export type MeView = z.infer<typeof meView>;
/** A right password: the person signed in, or the second factors they can finish with. */
export const signInView = z.union([meView, secondFactorNeededView]);
export type SignInView = z.infer<typeof signInView>;

export const updateMeInput = z.strictObject({
  language: languageSchema.optional(),
  displayName: displayNameSchema.optional(),
});

export const csrfView = z.object({ token: z.string() });
export type CsrfView = z.infer<typeof csrfView>;
