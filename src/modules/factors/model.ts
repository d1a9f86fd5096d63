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

/**
 * WebAuthn options as @simplewebauthn/server makes them and @simplewebauthn/browser takes them
 * (the W3C JSON forms); the names of algorithms, transports and preferences are left as strings.
 */
const credentialDescriptor = z.object({ id: z.string(), type: z.literal('public-key'), transports: z.array(z.string()).optional() });
export const passkeyRequestOptionsView = z.object({
  challenge: z.string(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptor).optional(),
  timeout: z.number().optional(),
  userVerification: z.string().optional(),
  hints: z.array(z.string()).optional(),
});
export type PasskeyRequestOptionsView = z.infer<typeof passkeyRequestOptionsView>;

export const passkeyCreationOptionsView = z.object({
  challenge: z.string(),
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  attestation: z.string().optional(),
  excludeCredentials: z.array(credentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.string().optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.string().optional(),
      userVerification: z.string().optional(),
    })
    .optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  hints: z.array(z.string()).optional(),
});
export type PasskeyCreationOptionsView = z.infer<typeof passkeyCreationOptionsView>;

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

/** The answers of this module's routes, for the web app (`import type`). */
export type TwoFactorRuleView = z.infer<typeof twoFactorRuleView>;
