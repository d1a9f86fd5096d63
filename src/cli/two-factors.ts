import type { Runtime } from '../bootstrap.ts';
import { emailSchema } from '../core/schemas.ts';
import { findUserIdByEmail } from '../modules/accounts/service.ts';
import { removeAllFactors } from '../modules/factors/service.ts';
import { CliError } from './cli-error.ts';

/** Someone lost every second factor: remove them all, so they sign in with the password and set up anew. */
export async function resetTwoFactors(runtime: Runtime, emailInput: string): Promise<void> {
  const email = emailSchema.safeParse(emailInput);
  if (!email.success) throw new CliError('E-mail: not a valid e-mail address.');
  const userId = await findUserIdByEmail(runtime.ctx, email.data);
  if (!userId) throw new CliError(`No account with e-mail address ${email.data}.`);
  await removeAllFactors(runtime.ctx, userId);
  process.stdout.write(
    `Removed the authenticator app, passkeys and recovery codes of ${email.data}; they sign in with their password and set up a second step again.\n`,
  );
}
