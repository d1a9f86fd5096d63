import type { Runtime } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { erasePerson } from '../modules/privacy/erase.ts';
import { findUserIdByEmail } from '../modules/privacy/lookup.ts';
import { createPhotoStorage } from '../modules/stories/photo-storage.ts';
import { CliError } from './cli-error.ts';

/** `person erase <email> --yes`: the operator's erasure, across every organisation of the person. */
export async function erasePersonCommand(runtime: Runtime, email: string, options: { yes?: boolean }): Promise<void> {
  const userId = await findUserIdByEmail(runtime.ctx.db, email.trim().toLowerCase());
  if (!userId) throw new CliError(`No account with the e-mail address ${email}.`);
  if (!options.yes) throw new CliError('Erasure cannot be undone. Run again with --yes to erase this person.');
  const result = await erasePerson(runtime.ctx, await createPhotoStorage(loadConfig()), userId, { actorUserId: null, source: 'cli' });
  process.stdout.write(
    `Erased ${email}. What others rely on now shows an anonymous former member (${result.formerMemberId}); ${result.photosDeleted} photo(s) deleted.\n`,
  );
}
