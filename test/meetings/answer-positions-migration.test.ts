import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { describeEachDatabase, openTestDatabaseAt } from '../helpers/databases.ts';

/**
 * Answers stored before the migration get their participant's position copied onto them: results
 * count by the answer's own position (one index, no join), so without the copy an older meeting's
 * answers would all count as "position not said".
 */
describeEachDatabase('answers stored before their position was copied onto them', (dialect) => {
  it('get the position of their participant, or none when the participant said none', async () => {
    const { handle, close } = await openTestDatabaseAt(dialect, '2026_12_07_scale_filtered_answers');
    try {
      const db = handle.db;
      await sql`insert into organisations (id, name, sector, disclosure_threshold, created_at) values ('org', 'O', 'ggz', 5, '')`.execute(db);
      await sql`insert into meetings (id, organisation_id, title, language, status, pacing, join_code, current_index, created_at)
        values ('m', 'org', 'M', 'nl', 'live', 'presenter', 'ABCDEF', 0, '')`.execute(db);
      await sql`insert into meeting_prompts (id, meeting_id, position, kind, text, options, settings, state, results_visible)
        values ('q', 'm', 0, 'single', '{}', '[]', '{}', 'open', 0)`.execute(db);
      for (const [id, position] of [
        ['p1', 'experience_worker'],
        ['p2', 'practitioner'],
        ['p3', null],
      ] as const) {
        await sql`insert into meeting_participants (id, meeting_id, token_hash, receipt_hash, position) values (${id}, 'm', ${`t-${id}`}, ${`r-${id}`}, ${position})`.execute(
          db,
        );
        await sql`insert into meeting_answers (id, prompt_id, participant_id, client_id, value, moderation) values (${`a-${id}`}, 'q', ${id}, ${`c-${id}`}, '{"choice":"a"}', 'none')`.execute(
          db,
        );
      }
      await migrateToLatest(db);
      const rows = await db.selectFrom('meeting_answers').select(['participant_id', 'position']).orderBy('participant_id').execute();
      expect(rows).toEqual([
        { participant_id: 'p1', position: 'experience_worker' },
        { participant_id: 'p2', position: 'practitioner' },
        { participant_id: 'p3', position: null },
      ]);
    } finally {
      await close();
    }
  });
});
