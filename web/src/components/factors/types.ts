/** The shapes of the two-factor API (mirrors src/modules/factors/model.ts). */
export type Passkey = { id: string; name: string; createdAt: string; lastUsedAt: string | null };
export type FactorsView = { authenticatorApp: boolean; passkeys: Passkey[]; recoveryCodesLeft: number; setupRequired: boolean };
export type SecondFactorNeeded = { secondFactor: { authenticatorApp: boolean; passkey: boolean; recoveryCode: boolean } };
export type RecoveryCodesView = { recoveryCodes: string[] | null };
export type TotpSetup = { secret: string; uri: string; qrSvg: string };
