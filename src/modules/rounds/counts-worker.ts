import { openSqliteReader } from '../../db/database.ts';
import type { AnswerRowCounts, Scope } from './answer-counts.ts';
import { answerRowCountsFromAnswers } from './answers-store.ts';

/**
 * A part of a large scope's counts from the answer rows (answers.ts, answerRowCounts), on SQLite in a
 * worker thread: through its own read-only connection to the same file, so the parts are counted on
 * several cores at once and the request thread keeps answering (SQLite's queries block the thread
 * that runs them). The connection is opened for the job and closed after it: a file replaced at the
 * same path is never read through an old connection.
 */
export type CountsWorkerJob = { task: 'counts'; sqliteFile: string; scope: Scope; multipleChoice: string[] };

export async function runCountsJob({ sqliteFile, scope, multipleChoice }: CountsWorkerJob): Promise<AnswerRowCounts> {
  const reader = openSqliteReader(sqliteFile);
  try {
    return await answerRowCountsFromAnswers(reader.db, scope, multipleChoice);
  } finally {
    await reader.close();
  }
}
