import { openSqliteReader } from '../../db/database.ts';
import type { AnswerRowCounts, Scope } from './answer-counts.ts';
import { answerRowCountsOfResponses, responseIdsInScope, type TallyHashCounts, tallyHashCounts } from './answers-store.ts';

/**
 * A large scope's counts (answers.ts, answerRowCounts), on SQLite in worker threads: one job counts
 * the tally hashes of the scope's responses; where those cannot say, the answer rows are counted:
 * first one job selects the scope's responses, then one job per part counts the rows of its
 * share of them, each through its own read-only connection to the same file, so the parts are counted
 * on several cores at once and the request thread keeps answering (SQLite's queries block the thread
 * that runs them). The connection is opened for the job and closed after it: a file replaced at the
 * same path is never read through an old connection.
 */
export type CountsWorkerJob = { task: 'counts'; sqliteFile: string } & (
  | { select: Scope }
  | { responseIds: string[]; multipleChoice: string[] }
  | { tallyHashes: Scope }
);

export async function runCountsJob(job: CountsWorkerJob): Promise<string[] | AnswerRowCounts | TallyHashCounts> {
  const reader = openSqliteReader(job.sqliteFile);
  try {
    if ('tallyHashes' in job) return await tallyHashCounts(reader.db, job.tallyHashes);
    return 'select' in job ? await responseIdsInScope(reader.db, job.select) : await answerRowCountsOfResponses(reader.db, job.responseIds, job.multipleChoice);
  } finally {
    await reader.close();
  }
}
