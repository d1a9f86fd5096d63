import type { Db } from '../../db/database.ts';
import type { AuditEventTable } from '../../db/schema.ts';

export const insertAuditEvent = (db: Db, event: Omit<AuditEventTable, 'seq'>) => db.insertInto('audit_events').values(event).execute();

export function listAuditEvents(db: Db, organisationId: string, options: { limit: number; before?: number | undefined }) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select([
      'audit_events.id',
      'audit_events.seq',
      'audit_events.at',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.actor_user_id',
      'audit_events.details',
      'users.display_name as actor_name',
    ])
    .where('audit_events.organisation_id', '=', organisationId);
  if (options.before !== undefined) query = query.where('audit_events.seq', '<', options.before);
  return query.orderBy('audit_events.seq', 'desc').limit(options.limit).execute();
}
