import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';
import { GENESIS_HASH } from '../../src/modules/audit/chain.ts';
import { recordAudit } from '../../src/modules/audit/service.ts';
import { verifyAuditTrail } from '../../src/modules/audit/verify.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('chaining an existing audit trail', (dialect) => {
  it('chains the entries written before the migration in their order, per organisation, and new ones follow', async () => {
    const testDb = await createTestDatabase(dialect);
    const handle = openDatabase(testDb.database);
    try {
      await migrateUpTo(handle.db, '2026_11_29_0041_coding');
      const old = [
        ['e1', 'org-a', '2026-01-01T00:00:00.000Z'],
        ['e2', null, '2026-01-02T00:00:00.000Z'],
        ['e3', 'org-a', '2026-01-03T00:00:00.000Z'],
        ['e4', 'org-a', '2026-01-04T00:00:00.000Z'],
      ] as const;
      for (const [id, org, at] of old) {
        await sql`insert into audit_events (id, organisation_id, actor_user_id, action, subject_type, subject_id, details, at) values (${id}, ${org}, null, 'team.created', 'team', ${id}, '{}', ${at})`.execute(
          handle.db,
        );
      }
      await migrateToLatest(handle.db);
      const rows = await handle.db.selectFrom('audit_events').select(['id', 'chain_key', 'chain_index', 'prev_hash', 'hash']).orderBy('seq').execute();
      expect(rows.map((r) => [r.id, r.chain_key, r.chain_index])).toEqual([
        ['e1', 'org-a', 1],
        ['e2', 'global', 1],
        ['e3', 'org-a', 2],
        ['e4', 'org-a', 3],
      ]);
      expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
      expect(rows[2]?.prev_hash).toBe(rows[0]?.hash);
      await recordAudit(handle.db, new Date('2026-02-01T00:00:00Z'), {
        organisationId: 'org-a',
        actorUserId: null,
        action: 'team.created',
        subjectType: 'team',
        subjectId: 'e5',
      });
      const latest = await handle.db.selectFrom('audit_events').select(['chain_index', 'prev_hash']).where('subject_id', '=', 'e5').executeTakeFirstOrThrow();
      expect(latest).toEqual({ chain_index: 4, prev_hash: rows[3]?.hash });
      expect(await verifyAuditTrail(handle.db)).toEqual({ chains: 2, entries: 5, issues: [] });
    } finally {
      await handle.close();
      await testDb.dispose();
    }
  });
});
