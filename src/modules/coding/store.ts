import type { Db } from '../../db/database.ts';
import type { CodingAnswerSegmentTable, CodingCodeTable, CodingMemoTable, CodingSegmentTable } from '../../db/tables/coding.ts';

export const listCodes = (db: Db, organisationId: string) =>
  db.selectFrom('coding_codes').selectAll().where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();

export const findCode = (db: Db, organisationId: string, codeId: string) =>
  db.selectFrom('coding_codes').selectAll().where('organisation_id', '=', organisationId).where('id', '=', codeId).executeTakeFirst();

export const insertCode = (db: Db, row: CodingCodeTable) => db.insertInto('coding_codes').values(row).execute();

export const updateCode = (db: Db, codeId: string, values: Partial<Pick<CodingCodeTable, 'name' | 'description' | 'colour' | 'parent_id' | 'updated_at'>>) =>
  db.updateTable('coding_codes').set(values).where('id', '=', codeId).execute();

/** Children move up to the deleted code's parent; segments with the code go with it. */
export async function deleteCode(db: Db, codeId: string, parentId: string | null): Promise<void> {
  await db.updateTable('coding_codes').set({ parent_id: parentId }).where('parent_id', '=', codeId).execute();
  await db.deleteFrom('coding_codes').where('id', '=', codeId).execute();
}

export const findFrameworkCode = (db: Db, organisationId: string, frameworkKey: string, code: string | null) => {
  let query = db.selectFrom('coding_codes').selectAll().where('organisation_id', '=', organisationId).where('framework_key', '=', frameworkKey);
  query = code === null ? query.where('framework_code', 'is', null) : query.where('framework_code', '=', code);
  return query.executeTakeFirst();
};

const segmentColumns = (db: Db) =>
  db
    .selectFrom('coding_segments')
    .leftJoin('users', 'users.id', 'coding_segments.created_by')
    .selectAll('coding_segments')
    .select('users.display_name as created_by_name');

export const listSegments = (db: Db, organisationId: string, filter: { codeId?: string; storyIds?: string[] } = {}) => {
  let query = segmentColumns(db).where('coding_segments.organisation_id', '=', organisationId);
  if (filter.codeId) query = query.where('coding_segments.code_id', '=', filter.codeId);
  if (filter.storyIds) {
    if (filter.storyIds.length === 0) return Promise.resolve([]);
    query = query.where('coding_segments.story_id', 'in', filter.storyIds);
  }
  return query.orderBy('coding_segments.story_id').orderBy('coding_segments.start_offset').orderBy('coding_segments.id').execute();
};

export const findSegment = (db: Db, organisationId: string, segmentId: string) =>
  segmentColumns(db).where('coding_segments.organisation_id', '=', organisationId).where('coding_segments.id', '=', segmentId).executeTakeFirst();

export const insertSegment = (db: Db, row: CodingSegmentTable) => db.insertInto('coding_segments').values(row).execute();

export const deleteSegment = (db: Db, segmentId: string) => db.deleteFrom('coding_segments').where('id', '=', segmentId).execute();

export const findSameSegment = (db: Db, row: Pick<CodingSegmentTable, 'code_id' | 'source_kind' | 'source_id' | 'start_offset' | 'end_offset'>) =>
  db
    .selectFrom('coding_segments')
    .select('id')
    .where('code_id', '=', row.code_id)
    .where('source_kind', '=', row.source_kind)
    .where('source_id', '=', row.source_id)
    .where('start_offset', '=', row.start_offset)
    .where('end_offset', '=', row.end_offset)
    .executeTakeFirst();

const memoColumns = (db: Db) =>
  db
    .selectFrom('coding_memos')
    .leftJoin('users', 'users.id', 'coding_memos.created_by')
    .selectAll('coding_memos')
    .select('users.display_name as created_by_name');

export const listMemos = (db: Db, organisationId: string) =>
  memoColumns(db).where('coding_memos.organisation_id', '=', organisationId).orderBy('coding_memos.created_at').orderBy('coding_memos.id').execute();

export const findMemo = (db: Db, organisationId: string, memoId: string) =>
  memoColumns(db).where('coding_memos.organisation_id', '=', organisationId).where('coding_memos.id', '=', memoId).executeTakeFirst();

export const insertMemo = (db: Db, row: CodingMemoTable) => db.insertInto('coding_memos').values(row).execute();

export const updateMemo = (db: Db, memoId: string, values: Partial<Pick<CodingMemoTable, 'title' | 'body' | 'updated_at'>>) =>
  db.updateTable('coding_memos').set(values).where('id', '=', memoId).execute();

export const deleteMemo = (db: Db, memoId: string) => db.deleteFrom('coding_memos').where('id', '=', memoId).execute();

export const deleteMemosOf = (db: Db, organisationId: string, targetKind: string, targetId: string) =>
  db.deleteFrom('coding_memos').where('organisation_id', '=', organisationId).where('target_kind', '=', targetKind).where('target_id', '=', targetId).execute();

export const findThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

export const organisationName = async (db: Db, organisationId: string): Promise<string> =>
  (await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst())?.name ?? '';

export const findCoResearcher = (db: Db, organisationId: string, userId: string) =>
  db.selectFrom('coding_coresearchers').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();

export const listCoResearchers = (db: Db, organisationId: string) =>
  db
    .selectFrom('coding_coresearchers')
    .innerJoin('users', 'users.id', 'coding_coresearchers.user_id')
    .selectAll('coding_coresearchers')
    .select('users.display_name')
    .where('coding_coresearchers.organisation_id', '=', organisationId)
    .orderBy('users.display_name')
    .orderBy('coding_coresearchers.user_id')
    .execute();

export async function saveCoResearcher(db: Db, row: { organisation_id: string; user_id: string; invited_by: string; invited_at: string }): Promise<void> {
  const existing = await findCoResearcher(db, row.organisation_id, row.user_id);
  if (existing)
    await db
      .updateTable('coding_coresearchers')
      .set({ invited_by: row.invited_by, invited_at: row.invited_at, ended_at: null })
      .where('organisation_id', '=', row.organisation_id)
      .where('user_id', '=', row.user_id)
      .execute();
  else
    await db
      .insertInto('coding_coresearchers')
      .values({ ...row, ended_at: null })
      .execute();
}

export const endCoResearcher = (db: Db, organisationId: string, userId: string, at: string) =>
  db
    .updateTable('coding_coresearchers')
    .set({ ended_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();

export const roleInOrganisation = async (db: Db, organisationId: string, userId: string): Promise<string | undefined> =>
  (await db.selectFrom('memberships').select('role').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst())?.role;

/** The positions people hold in the organisation's teams (one row per team membership). */
export const teamPositionsOf = (db: Db, organisationId: string, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['team_members.user_id', 'team_members.position'])
        .where('teams.organisation_id', '=', organisationId)
        .where('team_members.user_id', 'in', userIds)
        .execute();

export const membersWithRole = (db: Db, organisationId: string, role: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.display_name'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', role)
    .orderBy('users.display_name')
    .orderBy('memberships.user_id')
    .execute();

const answerSegmentColumns = (db: Db) =>
  db
    .selectFrom('coding_answer_segments')
    .leftJoin('users', 'users.id', 'coding_answer_segments.created_by')
    .selectAll('coding_answer_segments')
    .select('users.display_name as created_by_name');

export const listAnswerSegments = (db: Db, organisationId: string) =>
  answerSegmentColumns(db)
    .where('coding_answer_segments.organisation_id', '=', organisationId)
    .orderBy('coding_answer_segments.response_id')
    .orderBy('coding_answer_segments.question')
    .orderBy('coding_answer_segments.start_offset')
    .orderBy('coding_answer_segments.id')
    .execute();

export const findAnswerSegment = (db: Db, organisationId: string, segmentId: string) =>
  answerSegmentColumns(db)
    .where('coding_answer_segments.organisation_id', '=', organisationId)
    .where('coding_answer_segments.id', '=', segmentId)
    .executeTakeFirst();

export const insertAnswerSegment = (db: Db, row: CodingAnswerSegmentTable) => db.insertInto('coding_answer_segments').values(row).execute();

export const deleteAnswerSegment = (db: Db, segmentId: string) => db.deleteFrom('coding_answer_segments').where('id', '=', segmentId).execute();

export const findSameAnswerSegment = (db: Db, row: Pick<CodingAnswerSegmentTable, 'code_id' | 'response_id' | 'question' | 'start_offset' | 'end_offset'>) =>
  db
    .selectFrom('coding_answer_segments')
    .select('id')
    .where('code_id', '=', row.code_id)
    .where('response_id', '=', row.response_id)
    .where('question', '=', row.question)
    .where('start_offset', '=', row.start_offset)
    .where('end_offset', '=', row.end_offset)
    .executeTakeFirst();

export const organisationSector = async (db: Db, organisationId: string): Promise<string | undefined> =>
  (await db.selectFrom('organisations').select('sector').where('id', '=', organisationId).executeTakeFirst())?.sector;
