import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';

/** A code as typed: six digits from the app (spaces allowed) or a recovery code like "abcde-fghjk". */
export const codeInput = z.strictObject({ code: z.string().trim().min(1).max(40) });

export const passkeyView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type PasskeyView = z.infer<typeof passkeyView>;

export const factorsView = z.object({
  authenticatorApp: z.boolean(),
  passkeys: z.array(passkeyView),
  recoveryCodesLeft: z.number().int(),
  /** An organisation of the person asks two factors of their role, and they have none yet. */
  setupRequired: z.boolean(),
});
export type FactorsView = z.infer<typeof factorsView>;

export const totpSetupView = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpSetupView = z.infer<typeof totpSetupView>;

export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()).nullable() });
export type RecoveryCodesView = z.infer<typeof recoveryCodesView>;

/** What the sign-in page offers after a right password when the person has a second factor. */
export const secondFactorNeededView = z.object({
  secondFactor: z.object({ authenticatorApp: z.boolean(), passkey: z.boolean(), recoveryCode: z.boolean() }),
});
export type SecondFactorNeeded = z.infer<typeof secondFactorNeededView>;

/** WebAuthn options as @simplewebauthn/browser takes them; their shape is the library's business. */
export const webauthnOptionsView = z.record(z.string(), z.unknown());

const base64url = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*$/);

/** The browser's answer to navigator.credentials, as @simplewebauthn/browser sends it. */
const credentialBase = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

export const registrationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

export const authenticationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

export const passkeyRegistrationInput = z.strictObject({ name: z.string().trim().min(1).max(60), response: registrationResponse });
export const passkeyAssertionInput = z.strictObject({ response: authenticationResponse });
export const passkeyParams = z.strictObject({ passkeyId: base64url.min(1).max(400) });

export const twoFactorRuleView = z.object({ requiredForDataRoles: z.boolean() });
export const twoFactorRuleInput = z.strictObject({ requiredForDataRoles: z.boolean() });
export const orgParams = z.strictObject({ orgId: idSchema });
