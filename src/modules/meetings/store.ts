import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Db, SqliteStatements } from '../../db/database.ts';
import type {
  MeetingAnswerTable,
  MeetingModerationTable,
  MeetingParticipantTable,
  MeetingPromptTable,
  MeetingQuestionTable,
  MeetingRoundTable,
  MeetingTable,
} from '../../db/tables/meetings.ts';
import { meetingsChanged } from './hot-cache.ts';

/** SQL of the meetings module. */

export const insertMeeting = (db: Db, row: MeetingTable) => db.insertInto('meetings').values(row).execute();
/** Every write to a meeting or its prompts starts a new generation of the phones' cache (hot-cache.ts). */
const changing = async <T>(write: Promise<T>): Promise<T> => {
  try {
    return await write;
  } finally {
    meetingsChanged();
  }
};

export const insertPrompts = (db: Db, rows: MeetingPromptTable[]) =>
  rows.length ? changing(db.insertInto('meeting_prompts').values(rows).execute()) : Promise.resolve();
export const insertFacilitator = (db: Db, meetingId: string, userId: string, role: 'owner' | 'moderator') =>
  db
    .insertInto('meeting_facilitators')
    .values({ meeting_id: meetingId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ role }))
    .execute();

export const findMeeting = (db: Db, organisationId: string, meetingId: string) =>
  db.selectFrom('meetings').selectAll().where('organisation_id', '=', organisationId).where('id', '=', meetingId).executeTakeFirst();
export const findMeetingById = (db: Db, meetingId: string) => db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
export const findMeetingByCode = (db: Db, code: string) => db.selectFrom('meetings').selectAll().where('join_code', '=', code).executeTakeFirst();
export const codeTaken = async (db: Db, code: string) => (await findMeetingByCode(db, code)) !== undefined;

export const listMeetings = (db: Db, organisationId: string) =>
  db.selectFrom('meetings').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();

export const updateMeeting = (db: Db, meetingId: string, set: Partial<Pick<MeetingTable, 'status' | 'pacing' | 'current_index' | 'title'>>) =>
  changing(db.updateTable('meetings').set(set).where('id', '=', meetingId).execute());

export const deleteMeeting = (db: Db, meetingId: string) => changing(db.deleteFrom('meetings').where('id', '=', meetingId).execute());

export const deleteFacilitator = (db: Db, meetingId: string, userId: string) =>
  db.deleteFrom('meeting_facilitators').where('meeting_id', '=', meetingId).where('user_id', '=', userId).execute();

/** The co-facilitators (moderators) of a meeting with their names, by name. */
export const listModerators = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_facilitators')
    .innerJoin('users', 'users.id', 'meeting_facilitators.user_id')
    .select(['users.id as userId', 'users.display_name as displayName'])
    .where('meeting_facilitators.meeting_id', '=', meetingId)
    .where('meeting_facilitators.role', '=', 'moderator')
    .orderBy('users.display_name')
    .execute();

export const facilitatorRole = async (db: Db, meetingId: string, userId: string) =>
  (await db.selectFrom('meeting_facilitators').select('role').where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst())?.role;

export const isTeamMember = async (db: Db, teamId: string, userId: string) =>
  (await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;

export const findTeam = (db: Db, organisationId: string, teamId: string) =>
  db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
export const findTrajectory = (db: Db, organisationId: string, trajectoryId: string) =>
  db.selectFrom('trajectories').select(['id', 'team_id']).where('organisation_id', '=', organisationId).where('id', '=', trajectoryId).executeTakeFirst();

export const disclosureThresholdOf = async (db: Db, organisationId: string) =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

export const listPrompts = (db: Db, meetingId: string) =>
  db.selectFrom('meeting_prompts').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
export const findPrompt = (db: Db, meetingId: string, promptId: string) =>
  db.selectFrom('meeting_prompts').selectAll().where('meeting_id', '=', meetingId).where('id', '=', promptId).executeTakeFirst();
export const updatePrompt = (db: Db, promptId: string, set: Partial<Pick<MeetingPromptTable, 'state' | 'results_visible'>>) =>
  changing(db.updateTable('meeting_prompts').set(set).where('id', '=', promptId).execute());

export const insertParticipants = (db: Db, rows: MeetingParticipantTable[]) => db.insertInto('meeting_participants').values(rows).execute();
export const findParticipant = (db: Db, meetingId: string, tokenHash: string) =>
  db.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meetingId).where('token_hash', '=', tokenHash).executeTakeFirst();
export const findByReceipt = (db: Db, meetingId: string, receiptHash: string) =>
  db.selectFrom('meeting_participants').select('id').where('meeting_id', '=', meetingId).where('receipt_hash', '=', receiptHash).executeTakeFirst();
export const deleteParticipant = (db: Db, participantId: string) => db.deleteFrom('meeting_participants').where('id', '=', participantId).execute();
export const countParticipants = async (db: Db, meetingId: string) =>
  Number(
    (
      await db
        .selectFrom('meeting_participants')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst()
    )?.n ?? 0,
  );

export const findAnswer = (db: Db, promptId: string, participantId: string) =>
  db.selectFrom('meeting_answers').selectAll().where('prompt_id', '=', promptId).where('participant_id', '=', participantId).executeTakeFirst();
/**
 * One statement for an answer: a new row, or the participant's earlier answer replaced when the
 * client id differs. Returns the id of the row written, or undefined when the same client id was
 * there already (a retry: nothing changed).
 */
export type WrittenAnswer = { id: string; prompt_id: string; participant_id: string };
/**
 * Many answers in one statement, each (prompt, participant) at most once (PostgreSQL refuses to
 * update one row twice in a statement). Returns the rows written: a new id is a new answer, an old
 * one a changed answer; a row with the same client id again (a retry) is not written or returned.
 */
export async function upsertAnswers(db: Db, rows: MeetingAnswerTable[]): Promise<WrittenAnswer[]> {
  if (rows.length === 0) return [];
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upsertAnswersAsJson(db, rows);
  // Written as SQL: the query builder cost more CPU per answer than the write itself.
  return (
    await sql<WrittenAnswer>`insert into meeting_answers (id, prompt_id, participant_id, client_id, value, moderation, position)
      values ${sql.join(rows.map((r) => sql`(${r.id}, ${r.prompt_id}, ${r.participant_id}, ${r.client_id}, ${r.value}, ${r.moderation}, ${r.position})`))}
      ${UPSERT_ANSWER_TAIL}`.execute(db)
  ).rows;
}
const UPSERT_ANSWER_TAIL = sql.raw(`on conflict (prompt_id, participant_id) do update
        set client_id = excluded.client_id, value = excluded.value, moderation = excluded.moderation
        where meeting_answers.client_id <> excluded.client_id
      returning id, prompt_id, participant_id`);

/**
 * PostgreSQL: the rows as one JSON parameter (`json_to_recordset`), so a batch is one statement of
 * one parameter, the same text every time: the query builder and the driver no longer go through
 * seven parameters per row (the driver's text arrays, tried too, quote every element one by one).
 */
const UPSERT_ANSWERS_JSON = `insert into meeting_answers (id, prompt_id, participant_id, client_id, value, moderation, position)
  select id, prompt_id, participant_id, client_id, value, moderation, position
    from json_to_recordset($1::json) as r(id text, prompt_id text, participant_id text, client_id text, value text, moderation text, position text)
  on conflict (prompt_id, participant_id) do update
    set client_id = excluded.client_id, value = excluded.value, moderation = excluded.moderation
    where meeting_answers.client_id <> excluded.client_id
  returning id, prompt_id, participant_id`;
const upsertAnswersAsJson = async (db: Db, rows: MeetingAnswerTable[]): Promise<WrittenAnswer[]> =>
  (await db.executeQuery<WrittenAnswer>(CompiledQuery.raw(UPSERT_ANSWERS_JSON, [JSON.stringify(rows)]))).rows;
/** upsertAnswers for one row, as the SQL text of one prepared statement (SQLite, see upsertAnswersOnSqlite). */
const UPSERT_ONE_ANSWER = `insert into meeting_answers (id, prompt_id, participant_id, client_id, value, moderation, position)
  values (?, ?, ?, ?, ?, ?, ?)
  on conflict (prompt_id, participant_id) do update
    set client_id = excluded.client_id, value = excluded.value, moderation = excluded.moderation
    where meeting_answers.client_id <> excluded.client_id
  returning id`;

/**
 * SQLite: the rows one after the other through one prepared single-row statement, run at once on the
 * connection (inside the group commit's transaction when called from its job). Cheaper in CPU than
 * one multi-row statement through the query builder, which SQLite needs no round trips for. Returns
 * the id of each row written (undefined: a retry with the same client id, not written), in order.
 */
export function upsertAnswersOnSqlite(statements: SqliteStatements, rows: MeetingAnswerTable[]): (string | undefined)[] {
  const upsert = statements.prepare(UPSERT_ONE_ANSWER);
  return rows.map((r) => (upsert.get(r.id, r.prompt_id, r.participant_id, r.client_id, r.value, r.moderation, r.position) as { id: string } | undefined)?.id);
}
export const deleteAnswersOf = (db: Db, promptId: string) => db.deleteFrom('meeting_answers').where('prompt_id', '=', promptId).execute();
export const deleteQuestionsOf = (db: Db, promptId: string) => db.deleteFrom('meeting_questions').where('prompt_id', '=', promptId).execute();

/** Counted answers of a prompt with the position of their participant: not waiting, not held back. */
export const countedAnswers = (db: Db, promptId: string) =>
  db
    .selectFrom('meeting_answers as a')
    .innerJoin('meeting_participants as p', 'p.id', 'a.participant_id')
    .select(['a.value', 'p.position'])
    .where('a.prompt_id', '=', promptId)
    .where('a.moderation', 'in', ['none', 'approved'])
    .orderBy('a.id')
    .execute();

/**
 * Every answer of a prompt grouped by moderation, value and position, with its count: read from the
 * index on (prompt_id, moderation, value, position) alone (a presenter snapshot of 10,000 answers
 * reads a few index pages, no participant rows). Choice kinds count the rows not waiting or held back.
 */
export const answerGroupsByModeration = (db: Db, promptId: string) =>
  db
    .selectFrom('meeting_answers')
    .select(['moderation', 'value', 'position', (eb) => eb.fn.countAll().as('n')])
    .where('prompt_id', '=', promptId)
    .groupBy(['moderation', 'value', 'position'])
    .execute();

export const moderationCounts = (db: Db, promptId: string) =>
  db
    .selectFrom('meeting_answers')
    .select(['moderation', (eb) => eb.fn.countAll().as('n')])
    .where('prompt_id', '=', promptId)
    .groupBy('moderation')
    .execute();
export const questionModerationCounts = (db: Db, promptId: string) =>
  db
    .selectFrom('meeting_questions')
    .select(['moderation', (eb) => eb.fn.countAll().as('n')])
    .where('prompt_id', '=', promptId)
    .groupBy('moderation')
    .execute();

export const pendingAnswers = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_answers as a')
    .innerJoin('meeting_prompts as q', 'q.id', 'a.prompt_id')
    .select(['a.id', 'a.prompt_id', 'a.value', 'a.moderation'])
    .where('q.meeting_id', '=', meetingId)
    .where('a.moderation', 'in', ['pending', 'approved', 'held'])
    .orderBy('q.position')
    .orderBy('a.id')
    .execute();

export const findAnswerInMeeting = (db: Db, meetingId: string, answerId: string) =>
  db
    .selectFrom('meeting_answers as a')
    .innerJoin('meeting_prompts as q', 'q.id', 'a.prompt_id')
    .select(['a.id', 'a.moderation'])
    .where('q.meeting_id', '=', meetingId)
    .where('a.id', '=', answerId)
    .executeTakeFirst();
export const setAnswerModeration = (db: Db, answerId: string, moderation: string) =>
  db.updateTable('meeting_answers').set({ moderation }).where('id', '=', answerId).execute();

export const insertQuestion = (db: Db, row: MeetingQuestionTable) =>
  db
    .insertInto('meeting_questions')
    .values(row)
    .onConflict((oc) => oc.columns(['participant_id', 'client_id']).doNothing())
    .execute();
export const findQuestionInMeeting = (db: Db, meetingId: string, questionId: string) =>
  db
    .selectFrom('meeting_questions as m')
    .innerJoin('meeting_prompts as q', 'q.id', 'm.prompt_id')
    .select(['m.id', 'm.prompt_id', 'm.moderation'])
    .where('q.meeting_id', '=', meetingId)
    .where('m.id', '=', questionId)
    .executeTakeFirst();
export const updateQuestion = (db: Db, questionId: string, set: Partial<Pick<MeetingQuestionTable, 'moderation' | 'pinned' | 'answered'>>) =>
  db.updateTable('meeting_questions').set(set).where('id', '=', questionId).execute();
export const listQuestions = (db: Db, promptId: string, onlyApproved: boolean) => {
  let query = db
    .selectFrom('meeting_questions as m')
    .leftJoin('meeting_upvotes as u', 'u.question_id', 'm.id')
    .select(['m.id', 'm.text', 'm.moderation', 'm.pinned', 'm.answered', (eb) => eb.fn.count('u.participant_id').as('votes')])
    .where('m.prompt_id', '=', promptId)
    .groupBy(['m.id', 'm.text', 'm.moderation', 'm.pinned', 'm.answered']);
  if (onlyApproved) query = query.where('m.moderation', '=', 'approved');
  return query.execute();
};
export const upvote = (db: Db, questionId: string, participantId: string) =>
  db
    .insertInto('meeting_upvotes')
    .values({ question_id: questionId, participant_id: participantId })
    .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
    .execute();

export const insertModeration = (db: Db, row: MeetingModerationTable) => db.insertInto('meeting_moderation').values(row).execute();
export const listModeration = (db: Db, meetingId: string) =>
  db.selectFrom('meeting_moderation').selectAll().where('meeting_id', '=', meetingId).orderBy('at').orderBy('id').execute();

export const answeredCount = async (db: Db, promptId: string) =>
  Number(
    (
      await db
        .selectFrom('meeting_answers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('prompt_id', '=', promptId)
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** Live meetings of the person's teams. */
export const liveMeetingsOfTeamsOf = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('team_members as tm', (join) => join.onRef('tm.team_id', '=', 'm.team_id').on('tm.user_id', '=', userId))
    .select(['m.id', 'm.title', 'm.join_code'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.status', '=', 'live')
    .orderBy('m.created_at')
    .execute();

export const organisationOf = (db: Db, organisationId: string) =>
  db.selectFrom('organisations').select(['name', 'disclosure_threshold']).where('id', '=', organisationId).executeTakeFirst();

export const setRoundConsent = (db: Db, participantId: string, consent: 'given' | 'declined', version: string) =>
  db.updateTable('meeting_participants').set({ round_consent: consent, round_consent_version: version }).where('id', '=', participantId).execute();

/** The answers of the participants who agreed that their answers also count as a questionnaire. */
export const consentedAnswers = (db: Db, promptIds: string[]) =>
  promptIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('meeting_answers as a')
        .innerJoin('meeting_participants as p', 'p.id', 'a.participant_id')
        .select(['p.id as participantId', 'p.round_consent_version as consentVersion', 'a.prompt_id as promptId', 'a.value'])
        .where('a.prompt_id', 'in', promptIds)
        .where('p.round_consent', '=', 'given')
        .orderBy('p.id')
        .execute();

export const meetingRounds = (db: Db, meetingId: string) => db.selectFrom('meeting_rounds').selectAll().where('meeting_id', '=', meetingId).execute();
export const saveMeetingRound = (db: Db, row: MeetingRoundTable) =>
  db
    .insertInto('meeting_rounds')
    .values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'instrument_version_id']).doUpdateSet({ round_id: row.round_id }))
    .execute();

export const setRecord = (db: Db, meetingId: string, trajectoryId: string | null, at: string | null) =>
  db.updateTable('meetings').set({ trajectory_id: trajectoryId, record_attached_at: at }).where('id', '=', meetingId).execute();
export const recordsOfTrajectory = (db: Db, organisationId: string, trajectoryId: string) =>
  db
    .selectFrom('meetings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('trajectory_id', '=', trajectoryId)
    .where('record_attached_at', 'is not', null)
    .orderBy('record_attached_at', 'desc')
    .execute();
