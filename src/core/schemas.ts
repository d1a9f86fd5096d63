import * as z from 'zod';

/** Building blocks every module validates with; they live here so modules need not import each other for them. */
export const idSchema = z.uuid();
export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const displayNameSchema = z.string().trim().min(1).max(100);

/** Path parameters of the organisation-scoped routes. */
export const organisationParams = z.strictObject({ orgId: idSchema });
export const memberParams = z.strictObject({ orgId: idSchema, userId: idSchema });

/** The answer of an action that has nothing else to say. */
export const okView = z.object({ ok: z.literal(true) });
export type OkView = z.infer<typeof okView>;
