import type { Runtime } from '../bootstrap.ts';
import { parseInput } from '../http/route.ts';
import { findOrganisationIdByName } from '../modules/organisations/lookup.ts';
import { organisationSettingsInput } from '../modules/organisations/model.ts';
import { setDisclosureThreshold } from '../modules/organisations/settings.ts';
import { CliError } from './cli-error.ts';

/** `org threshold <org> [k]`: shows or sets the disclosure threshold (at least 5; audited with no user, source "cli"). */
export async function thresholdCommand(runtime: Runtime, organisation: string, value: string | undefined): Promise<void> {
  const { ctx } = runtime;
  const organisationId = await findOrganisationIdByName(ctx, organisation);
  if (!organisationId) throw new CliError(`No organisation "${organisation}".`);
  if (value === undefined) {
    const row = await ctx.db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirstOrThrow();
    process.stdout.write(`${row.disclosure_threshold}\n`);
    return;
  }
  let input: { disclosureThreshold: number };
  try {
    input = parseInput(organisationSettingsInput, { disclosureThreshold: /^\d+$/.test(value) ? Number(value) : value }, 'en') as {
      disclosureThreshold: number;
    };
  } catch {
    throw new CliError('The threshold must be a whole number from 5 to 50.');
  }
  await setDisclosureThreshold(ctx, null, organisationId, input.disclosureThreshold);
  process.stdout.write(`Disclosure threshold of "${organisation}" is now ${input.disclosureThreshold}.\n`);
}
