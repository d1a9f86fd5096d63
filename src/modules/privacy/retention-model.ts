import * as z from 'zod';

/** Days, with the shortest and longest an organisation may choose, and the default. */
export const retentionLimits = {
  rawAnswersDays: { min: 30, max: 3650, default: 730 },
  leaverStoriesDays: { min: 30, max: 3650, default: 365 },
  sessionsDays: { min: 1, max: 365, default: 30 },
  logsDays: { min: 7, max: 730, default: 90 },
  // An audit trail shorter than half a year cannot answer a question about last season.
  auditDays: { min: 180, max: 3650, default: 1825 },
} as const;

export type RetentionKey = keyof typeof retentionLimits;
export const retentionKeys = Object.keys(retentionLimits) as RetentionKey[];

const days = (key: RetentionKey) => z.number().int().min(retentionLimits[key].min).max(retentionLimits[key].max);

export const retentionInput = z.strictObject({
  rawAnswersDays: days('rawAnswersDays'),
  leaverStoriesDays: days('leaverStoriesDays'),
  sessionsDays: days('sessionsDays'),
  logsDays: days('logsDays'),
  auditDays: days('auditDays'),
});
export type RetentionSettings = z.infer<typeof retentionInput>;

export const defaultRetention: RetentionSettings = Object.fromEntries(retentionKeys.map((k) => [k, retentionLimits[k].default])) as RetentionSettings;

export const retentionView = retentionInput.extend({ isDefault: z.boolean() });
export type RetentionView = z.infer<typeof retentionView>;

/** What one run of the retention job did in one organisation (counts only). */
export const retentionReport = z.object({
  organisationId: z.string(),
  responsesDeleted: z.number().int(),
  storiesDeleted: z.number().int(),
  notificationsDeleted: z.number().int(),
  auditEntriesDeleted: z.number().int(),
});
export type RetentionReport = z.infer<typeof retentionReport>;
export const retentionRunView = z.object({
  organisations: z.array(retentionReport),
  sessionsDeleted: z.number().int(),
  globalAuditEntriesDeleted: z.number().int(),
});
export type RetentionRun = z.infer<typeof retentionRunView>;
