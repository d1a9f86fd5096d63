import type { ServiceContext } from '../../core/context.ts';
import * as store from './store.ts';

/** For the command line, where an administrator names an organisation instead of giving its id. */
export async function findOrganisationIdByName(ctx: ServiceContext, nameOrId: string): Promise<string | undefined> {
  const byName = await store.findOrganisationByName(ctx.db, nameOrId);
  if (byName) return byName.id;
  if (/^[0-9a-f-]{36}$/i.test(nameOrId)) return (await store.findOrganisation(ctx.db, nameOrId))?.id;
  return undefined;
}
