import { openRuntime } from '../../src/bootstrap.ts';
import type { Config } from '../../src/config.ts';
import type { Actor } from '../../src/core/context.ts';
import { DEMO_ORGANISATION } from '../../src/modules/demo/accounts.ts';
import { loadDemo } from '../../src/modules/demo/service.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { createInstrument, getPublishedVersion, publishVersion } from '../../src/modules/instruments/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { createRound, getRound } from '../../src/modules/rounds/service.ts';

/**
 * A database with the demo organisation and an open round of the experience workers' form. With `demoLoaded`, the
 * database already holds the demo organisation (the tests copy it from a template) and it is not loaded again.
 */
export async function setupRound(
  config: Config,
  { demoLoaded = false } = {},
): Promise<{ token: string; instrument: ResolvedInstrument; organisationId: string; roundId: string }> {
  const runtime = await openRuntime(config);
  try {
    const { organisationId } = demoLoaded
      ? await runtime.ctx.db.selectFrom('organisations').select('id as organisationId').where('name', '=', DEMO_ORGANISATION.name).executeTakeFirstOrThrow()
      : await loadDemo(runtime.ctx);
    const admin = await runtime.ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.user_id, language: 'nl', roles: new Map([[organisationId, 'admin']]) };
    const created = await createInstrument(runtime.ctx, actor, organisationId, { copyOf: 'cocreatie-ervaringswerkers', key: `bench-${Date.now()}` });
    const version = await publishVersion(runtime.ctx, actor, organisationId, created.id, 1);
    const round = await createRound(runtime.ctx, publishedInstruments, actor, organisationId, {
      instrumentVersionId: version.id,
      name: 'Benchmark',
      closesOn: '2999-12-31',
      teamIds: [],
      organisationLink: true,
      openTextExport: false,
    });
    const detail = await getRound(runtime.ctx, publishedInstruments, actor, { organisationId, roundId: round.id, baseUrl: 'http://127.0.0.1' });
    const token = new URL(detail.links[0]?.url ?? '').pathname.split('/')[2] ?? '';
    const published = await getPublishedVersion(runtime.ctx, version.id);
    return { token, instrument: published.instrument, organisationId, roundId: round.id };
  } finally {
    await runtime.database.close();
  }
}
