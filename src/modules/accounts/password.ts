// argon2 (a native module) is loaded at the first password hashed or checked, not at start.
const argon2 = () => import('@node-rs/argon2');

/** OWASP's argon2id profile: m = 19 MiB, t = 2, p = 1. */
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolatedModules cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = async (password: string): Promise<string> => (await argon2()).hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = (): Promise<string> => {
  dummyHash ??= hashPassword('no-such-user-timing-equaliser');
  return dummyHash;
};
