import type { ServiceContext } from '../../src/core/context.ts';
import { newId } from '../../src/core/ids.ts';
import type { Position, Role, Sector } from '../../src/modules/organisations/model.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/**
 * The test password hashed once per worker with argon2id at its lowest cost (m = 8 KiB, t = 1): argon2 reads the cost
 * from the hash, so a sign-in of a factory user checks it in about 0.1 ms instead of 10 ms (some thousand sign-ins a
 * run). Every hash the app makes keeps the production profile (test/accounts/passwords.test.ts checks the stored one).
 */
const cheapHash = async (password: string): Promise<string> =>
  (await import('@node-rs/argon2')).hash(password, { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 });

/** Rows written straight to the tables: fast fixtures that still obey every constraint. */
export async function makeOrganisation(ctx: ServiceContext, name = `Org ${newId().slice(0, 8)}`, sector: Sector = 'ggz'): Promise<string> {
  const id = newId();
  await ctx.db.insertInto('organisations').values({ id, name, sector, disclosure_threshold: 5, created_at: new Date().toISOString() }).execute();
  return id;
}

export async function makeUser(
  ctx: ServiceContext,
  options: { organisationId?: string; role?: Role; email?: string; name?: string; language?: 'nl' | 'en' } = {},
): Promise<{ id: string; email: string }> {
  passwordHash ??= cheapHash(TEST_PASSWORD);
  const id = newId();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.org`;
  await ctx.db
    .insertInto('users')
    .values({
      id,
      email,
      display_name: options.name ?? `User ${id.slice(0, 4)}`,
      password_hash: await passwordHash,
      language: options.language ?? 'nl',
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .execute();
  if (options.organisationId) {
    await ctx.db
      .insertInto('memberships')
      .values({ organisation_id: options.organisationId, user_id: id, role: options.role ?? 'member', created_at: new Date().toISOString() })
      .execute();
  }
  return { id, email };
}

export async function makeTeam(ctx: ServiceContext, organisationId: string, name = `Team ${newId().slice(0, 6)}`): Promise<string> {
  const id = newId();
  await ctx.db.insertInto('teams').values({ id, organisation_id: organisationId, name, created_at: new Date().toISOString() }).execute();
  return id;
}

export async function addToTeam(ctx: ServiceContext, teamId: string, userId: string, position: Position = 'practitioner'): Promise<void> {
  await ctx.db.insertInto('team_members').values({ team_id: teamId, user_id: userId, position, created_at: new Date().toISOString() }).execute();
}

export async function auditActions(ctx: ServiceContext, organisationId: string | null): Promise<string[]> {
  let query = ctx.db.selectFrom('audit_events').select('action').orderBy('seq');
  query = organisationId === null ? query.where('organisation_id', 'is', null) : query.where('organisation_id', '=', organisationId);
  return (await query.execute()).map((r) => r.action);
}
