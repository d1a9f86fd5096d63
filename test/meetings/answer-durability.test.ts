import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answer } from '../../src/modules/meetings/participant.ts';
import { control, createMeeting } from '../../src/modules/meetings/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { actorOf, joinMany, meetingRow, must, singlePrompt } from './helpers.ts';

/**
 * An answer is acknowledged only after the transaction holding it has committed. To see that, one
 * answer's commit is made to fail: a trigger adds a row whose deferred foreign key is checked only at
 * COMMIT, after the answer's statement itself succeeded. An answer acknowledged before its commit
 * would resolve here although nothing of it is on disk.
 */
describeEachDatabase('meetings: an answer is acknowledged after its commit', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await sql`create table ack_parent (id varchar(40) primary key)`.execute(t.ctx.db);
    await sql`create table ack_child (id varchar(40) primary key, parent_id varchar(40) not null references ack_parent (id) deferrable initially deferred)`.execute(
      t.ctx.db,
    );
    if (dialect === 'sqlite') {
      await sql`create trigger ack_orphan after insert on meeting_answers when new.client_id = 'client-fail' begin insert into ack_child (id, parent_id) values (new.id, 'missing'); end`.execute(
        t.ctx.db,
      );
    } else {
      await sql`create function ack_orphan() returns trigger language plpgsql as $$ begin if new.client_id = 'client-fail' then insert into ack_child (id, parent_id) values (new.id, 'missing'); end if; return new; end $$`.execute(
        t.ctx.db,
      );
      await sql`create trigger ack_orphan after insert on meeting_answers for each row execute function ack_orphan()`.execute(t.ctx.db);
    }
  });
  afterAll(() => t.close());

  it('refuses an answer whose commit fails and keeps the others sent with it', async () => {
    const org = await makeOrganisation(t.ctx);
    const facilitator = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'coordinator' })).id, org, 'coordinator');
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'Ontmoeting', prompts: [singlePrompt] });
    await control(t.ctx, facilitator, org, view.id, { action: 'start' });
    const meeting = await meetingRow(t.ctx, view.joinCode);
    const phones = await joinMany(t.ctx, view.joinCode, 4, null);
    const prompt = must(view.prompts[0]).id;
    const clientIds = ['client-ok01', 'client-ok02', 'client-fail', 'client-ok03'];

    const outcomes = await Promise.allSettled(
      phones.map((p, i) => answer(t.ctx, meeting, p.row, { promptId: prompt, clientId: must(clientIds[i]), raw: { choice: 'a' } })),
    );

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'refused'))).toEqual(['saved', 'saved', 'refused', 'saved']);
    const stored = await t.ctx.db.selectFrom('meeting_answers').select('client_id').where('prompt_id', '=', prompt).orderBy('client_id').execute();
    expect(stored.map((r) => r.client_id)).toEqual(['client-ok01', 'client-ok02', 'client-ok03']);
  });
});
