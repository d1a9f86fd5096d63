/** The shapes of the two-factor API: the types of src/modules/factors/model.ts (types only). */
export type {
  FactorsView,
  PasskeyView as Passkey,
  RecoveryCodesView,
  SecondFactorNeeded,
  TotpSetupView as TotpSetup,
} from '../../../../src/modules/factors/model.ts';
