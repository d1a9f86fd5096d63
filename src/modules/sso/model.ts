import * as z from 'zod';

/** 'first_sign_in': a verified address of the organisation's domains gets an account as member; 'invitation': only people already in the organisation. */
export const linkModes = ['first_sign_in', 'invitation'] as const;
export const linkModeSchema = z.enum(linkModes);
export type LinkMode = z.infer<typeof linkModeSchema>;

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'domain');

export const ssoSettingsInput = z.strictObject({
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(500),
  /** Left out (or empty) to keep the stored secret; never sent back. */
  clientSecret: z.string().max(2000).optional(),
  domains: z.array(domainSchema).min(1).max(20),
  linkMode: linkModeSchema,
  enabled: z.boolean(),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInput>;

/** What an admin sees: never the secret, only whether one is stored. */
export const ssoSettingsView = z.object({
  configured: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  secretStored: z.boolean(),
  domains: z.array(z.string()),
  linkMode: linkModeSchema,
  enabled: z.boolean(),
  /** The address to register at the provider. */
  redirectUri: z.string(),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsView>;

export const ssoStartInput = z.strictObject({
  email: z.email().max(254),
  next: z.string().max(500).optional(),
});
export const ssoStartView = z.object({ redirectUrl: z.string() });

/** What the provider sends back; other parameters (iss, session_state) are passed on as they came. */
export const ssoCallbackQuery = z.looseObject({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});

/** Why a sign-in through the provider did not go through: the login page explains each in words. */
export const ssoFailures = ['denied', 'expired', 'failed', 'unverified', 'not_invited', 'disabled', 'wrong_domain'] as const;
export type SsoFailure = (typeof ssoFailures)[number];

/** The answers of this module's routes, for the web app (`import type`). */
export type SsoStartView = z.infer<typeof ssoStartView>;
