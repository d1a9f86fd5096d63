import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/core/context.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { GENESIS_HASH, hashAuditEntry } from '../../src/modules/audit/chain.ts';
import { recordAudit } from '../../src/modules/audit/service.ts';
import { verifyAuditTrail } from '../../src/modules/audit/verify.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeOrganisation } from '../helpers/factories.ts';
import { contextFor } from '../stories/helpers.ts';

const at = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('tamper-evident audit trail', (dialect) => {
  let handle: DatabaseHandle;
  let close: () => Promise<void>;
  let ctx: ServiceContext;
  beforeAll(async () => {
    ({ handle, close } = await openTestDatabase(dialect));
    ctx = contextFor(handle);
  });
  afterAll(() => close());

  /** A fresh organisation with five chained entries; returns its rows in chain order. */
  async function chainOfFive() {
    const org = await makeOrganisation(ctx);
    for (let i = 0; i < 5; i++) {
      await recordAudit(ctx.db, at, {
        organisationId: org,
        actorUserId: null,
        action: 'team.created',
        subjectType: 'team',
        subjectId: `t${i}`,
        details: { n: i },
      });
    }
    const rows = await ctx.db.selectFrom('audit_events').selectAll().where('organisation_id', '=', org).orderBy('chain_index').execute();
    return { org, rows };
  }
  const issuesOf = async (org: string) =>
    (await verifyAuditTrail(ctx.db)).issues.filter((i) => i.chainKey === org).map(({ kind, fromIndex, toIndex }) => ({ kind, fromIndex, toIndex }));

  it('chains each entry to the previous one of its organisation, starting from the genesis hash', async () => {
    const { org, rows } = await chainOfFive();
    expect(rows.map((r) => r.chain_index)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[3]?.prev_hash).toBe(rows[2]?.hash);
    expect(rows.every((r) => r.chain_key === org && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await issuesOf(org)).toEqual([]);
  });

  it('finds a changed entry, also when its hash was recomputed', async () => {
    const a = await chainOfFive();
    await ctx.db
      .updateTable('audit_events')
      .set({ details: '{"n":99}' })
      .where('id', '=', a.rows[2]?.id as string)
      .execute();
    expect(await issuesOf(a.org)).toEqual([{ kind: 'changed', fromIndex: 3, toIndex: 3 }]);

    const b = await chainOfFive();
    const row = b.rows[1] as (typeof b.rows)[number];
    const forged = { ...row, actor_user_id: 'someone-else' };
    await ctx.db
      .updateTable('audit_events')
      .set({ actor_user_id: 'someone-else', hash: hashAuditEntry(forged) })
      .where('id', '=', row.id)
      .execute();
    expect(await issuesOf(b.org)).toEqual([{ kind: 'changed', fromIndex: 2, toIndex: 2 }]);

    const c = await chainOfFive();
    await ctx.db
      .updateTable('audit_events')
      .set({ at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', c.rows[4]?.id as string)
      .execute();
    expect(await issuesOf(c.org)).toEqual([{ kind: 'changed', fromIndex: 5, toIndex: 5 }]);
  });

  it('finds a removed entry in the middle and at the end', async () => {
    const a = await chainOfFive();
    await ctx.db
      .deleteFrom('audit_events')
      .where('id', '=', a.rows[1]?.id as string)
      .execute();
    expect(await issuesOf(a.org)).toEqual([{ kind: 'removed', fromIndex: 2, toIndex: 2 }]);

    const b = await chainOfFive();
    await ctx.db
      .deleteFrom('audit_events')
      .where('id', 'in', [b.rows[3]?.id as string, b.rows[4]?.id as string])
      .execute();
    expect(await issuesOf(b.org)).toEqual([{ kind: 'removed', fromIndex: 4, toIndex: 5 }]);
  });

  it('finds an inserted entry: unchained, appended after the head, or slipped in between with the rest renumbered', async () => {
    const base = { actor_user_id: null, action: 'team.deleted', subject_type: 'team', subject_id: 'x', details: '{}', at: at.toISOString() };
    const a = await chainOfFive();
    await ctx.db
      .insertInto('audit_events')
      .values({ ...base, id: 'forged-a', organisation_id: a.org, chain_key: a.org, chain_index: 0, prev_hash: '', hash: '' })
      .execute();
    expect(await issuesOf(a.org)).toEqual([{ kind: 'inserted', fromIndex: 0, toIndex: 0 }]);

    const b = await chainOfFive();
    const tail = { ...base, id: 'forged-b', organisation_id: b.org, chain_key: b.org, chain_index: 6, prev_hash: b.rows[4]?.hash as string };
    await ctx.db
      .insertInto('audit_events')
      .values({ ...tail, hash: hashAuditEntry(tail) })
      .execute();
    expect(await issuesOf(b.org)).toEqual([{ kind: 'inserted', fromIndex: 6, toIndex: 6 }]);

    // The thorough forger: shifts entries 3–5 to 4–6 (recomputing their hashes) and chains a new entry 3 after entry 2.
    const c = await chainOfFive();
    for (const row of [...c.rows.slice(2)].reverse()) {
      const moved = { ...row, chain_index: row.chain_index + 1 };
      await ctx.db
        .updateTable('audit_events')
        .set({ chain_index: moved.chain_index, hash: hashAuditEntry(moved) })
        .where('id', '=', row.id)
        .execute();
    }
    const middle = { ...base, id: 'forged-c', organisation_id: c.org, chain_key: c.org, chain_index: 3, prev_hash: c.rows[1]?.hash as string };
    await ctx.db
      .insertInto('audit_events')
      .values({ ...middle, hash: hashAuditEntry(middle) })
      .execute();
    const issues = await issuesOf(c.org);
    expect(issues).toContainEqual({ kind: 'inserted', fromIndex: 3, toIndex: 3 });
    expect(issues.some((i) => i.kind === 'inserted' && i.fromIndex === 6)).toBe(true);
  });

  it('never forks when many transactions write to the same organisation at once', async () => {
    const org = await makeOrganisation(ctx);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        ctx.db
          .transaction()
          .execute((trx) => recordAudit(trx, at, { organisationId: org, actorUserId: null, action: 'team.created', subjectType: 'team', subjectId: `c${i}` })),
      ),
    );
    const rows = await ctx.db.selectFrom('audit_events').select(['chain_index']).where('organisation_id', '=', org).orderBy('chain_index').execute();
    expect(rows.map((r) => r.chain_index)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await issuesOf(org)).toEqual([]);
  });

  describe('audit verify (command line)', () => {
    it('says the trail is intact, then names the changed entry with exit code 1', async () => {
      const fresh = await openTestDatabase(dialect);
      try {
        const freshCtx = contextFor(fresh.handle);
        const org = await makeOrganisation(freshCtx);
        for (const subjectId of ['a', 'b', 'c']) {
          await recordAudit(freshCtx.db, at, { organisationId: org, actorUserId: null, action: 'team.created', subjectType: 'team', subjectId });
        }
        const env = envFor(fresh.testDb.database);
        const ok = await runCli(['audit', 'verify'], env);
        expect(ok.stdout).toContain('3 audit entries in 1 chain(s) checked: intact.');
        expect(ok.code).toBe(0);
        await freshCtx.db.updateTable('audit_events').set({ subject_id: 'z' }).where('subject_id', '=', 'b').execute();
        const bad = await runCli(['audit', 'verify'], env);
        expect(bad.code).toBe(1);
        expect(bad.stderr).toContain(`CHANGED: chain ${org}, entry 2`);
      } finally {
        await fresh.close();
      }
    });
  });
});
