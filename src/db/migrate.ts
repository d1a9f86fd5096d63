import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as accounts from './migrations/2026_11_29_0001_accounts.ts';
import * as frameworks from './migrations/2026_11_29_0002_frameworks.ts';
import * as instruments from './migrations/2026_11_29_0003_instruments.ts';
import * as rounds from './migrations/2026_11_29_0004_rounds.ts';
import * as roundKeys from './migrations/2026_11_29_0005_round_keys.ts';
import * as answerTallies from './migrations/2026_11_29_0006_answer_tallies.ts';
import * as exportOrders from './migrations/2026_11_29_0010_export_orders.ts';
import * as trajecten from './migrations/2026_11_29_0020_trajecten.ts';
import * as stories from './migrations/2026_11_29_0030_stories.ts';
import * as signals from './migrations/2026_11_29_0040_signals.ts';
import * as coding from './migrations/2026_11_29_0041_coding.ts';
import * as people from './migrations/2026_12_05_0200_people.ts';
import * as auditChain from './migrations/2026_12_05_0300_audit_chain.ts';
import * as retention from './migrations/2026_12_05_0301_retention.ts';
import * as limits from './migrations/2026_12_05_0400_limits.ts';
import * as uploadCounts from './migrations/2026_12_05_0500_upload_counts.ts';
import * as meetings from './migrations/2026_12_05_0600_meetings.ts';
import * as resumePage from './migrations/2026_12_06_0050_resume_page.ts';
import * as mailOutbox from './migrations/2026_12_06_0100_mail_outbox.ts';
import * as roundInvitations from './migrations/2026_12_06_0101_round_invitations.ts';
import * as notifications from './migrations/2026_12_06_0200_notifications.ts';
import * as roundResultSharing from './migrations/2026_12_06_0201_round_result_sharing.ts';
import * as passwordResets from './migrations/2026_12_06_0400_password_resets.ts';
import * as twoFactors from './migrations/2026_12_06_0500_two_factors.ts';
import * as singleSignOn from './migrations/2026_12_06_0600_single_sign_on.ts';
import * as meetingRounds from './migrations/2026_12_06_0800_meeting_rounds.ts';
import * as meetingDialogueRecords from './migrations/2026_12_06_0801_meeting_dialogue_records.ts';
import * as codingCoresearchAnswers from './migrations/2026_12_06_0900_coding_coresearch_answers.ts';
import * as organisationLogos from './migrations/2026_12_06_1200_organisation_logos.ts';
import * as scaleFilteredAnswers from './migrations/2026_12_07_scale_filtered_answers.ts';
import * as meetingAnswerPositions from './migrations/2026_12_08_meetsq_answer_positions.ts';
import * as answerGroupStatistics from './migrations/2026_12_09_answer_group_statistics.ts';
import * as chosenAnswersIndex from './migrations/2026_12_10_chosen_answers_index.ts';
import * as responseTallyHashes from './migrations/2026_12_11_response_tally_hashes.ts';

/** Listed here, not read from disk, so the order is reviewed in code and bundling cannot lose one. */
const migrations: Record<string, Migration> = {
  '2026_11_29_0001_accounts': accounts,
  '2026_11_29_0002_frameworks': frameworks,
  '2026_11_29_0003_instruments': instruments,
  '2026_11_29_0004_rounds': rounds,
  '2026_11_29_0005_round_keys': roundKeys,
  '2026_11_29_0006_answer_tallies': answerTallies,
  '2026_11_29_0020_trajecten': trajecten,
  '2026_11_29_0010_export_orders': exportOrders,
  '2026_11_29_0030_stories': stories,
  '2026_11_29_0040_signals': signals,
  '2026_11_29_0041_coding': coding,
  '2026_12_05_0200_people': people,
  '2026_12_05_0500_upload_counts': uploadCounts,
  '2026_12_05_0300_audit_chain': auditChain,
  '2026_12_05_0301_retention': retention,
  '2026_12_05_0400_limits': limits,
  '2026_12_05_0600_meetings': meetings,
  '2026_12_06_0050_resume_page': resumePage,
  '2026_12_06_0100_mail_outbox': mailOutbox,
  '2026_12_06_0101_round_invitations': roundInvitations,
  '2026_12_06_0600_single_sign_on': singleSignOn,
  '2026_12_06_0500_two_factors': twoFactors,
  '2026_12_06_0400_password_resets': passwordResets,
  '2026_12_06_0900_coding_coresearch_answers': codingCoresearchAnswers,
  '2026_12_06_1200_organisation_logos': organisationLogos,
  '2026_12_06_0200_notifications': notifications,
  '2026_12_06_0201_round_result_sharing': roundResultSharing,
  '2026_12_06_0800_meeting_rounds': meetingRounds,
  '2026_12_06_0801_meeting_dialogue_records': meetingDialogueRecords,
  '2026_12_07_scale_filtered_answers': scaleFilteredAnswers,
  '2026_12_08_meetsq_answer_positions': meetingAnswerPositions,
  '2026_12_09_answer_group_statistics': answerGroupStatistics,
  '2026_12_10_chosen_answers_index': chosenAnswersIndex,
  '2026_12_11_response_tally_hashes': responseTallyHashes,
};

export const migrationNames = (): string[] => Object.keys(migrations).sort();

/**
 * Runs pending migrations. Kysely holds a lock while it migrates (an advisory lock on PostgreSQL;
 * on SQLite our BEGIN IMMEDIATE transaction), so two processes starting at once migrate once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrates up to and including the named migration (tests of data migrations start from an older schema). */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateTo(name);
  if (result.error) throw new Error(`Migration to ${name} failed`, { cause: result.error });
}
