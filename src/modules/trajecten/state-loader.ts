import type { Db } from '../../db/database.ts';
import type { AgreementTable } from '../../db/tables/trajecten.ts';
import type { TrajectoryAccess } from './access.ts';
import type { TrajectoryState } from './state.ts';
import * as store from './store.ts';

const list = (json: string): string[] => JSON.parse(json) as string[];

/** What an agreement says, read from its stored row: the part the state and the trajectory's page share. */
export function agreementContent(row: AgreementTable) {
  return { id: row.id, topic: row.topic, title: row.title, text: row.text, options: list(row.options), reason: row.reason };
}

/** Reads everything the team agreed into the plain state the pure cores work on. */
export async function loadState(db: Db, access: TrajectoryAccess): Promise<TrajectoryState> {
  const { row } = access;
  const id = row.id;
  const [team, agreements, contributions, roles, mandates, support, views, positions, checks] = await Promise.all([
    store.teamOf(db, row.organisation_id, row.team_id),
    store.listAgreements(db, [id]),
    store.listContributions(db, id),
    store.listRoles(db, id),
    store.listMandates(db, id),
    store.listSupport(db, id),
    store.listViews(db, id),
    store.listPositions(db, id),
    store.listChecks(db, [id]),
  ]);
  return {
    title: row.title,
    teamName: team?.name ?? '',
    context: { who: row.context_who, sector: row.context_sector, logics: list(row.logics) },
    members: access.members,
    agreements: agreements.map((a) => ({
      ...agreementContent(a),
      ownerUserId: a.owner_user_id,
      reviewOn: a.review_on,
    })),
    contributions: contributions.map((c) => ({
      userId: c.user_id,
      experiential: c.experiential === 1,
      positions: list(c.positions),
      experientialNote: c.experiential_note,
      professional: c.professional === 1,
      professionalNote: c.professional_note,
      otherNote: c.other_note,
    })),
    roles: roles.map((r) => ({ roleKey: r.role_key, userId: r.user_id, hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week) })),
    mandates: mandates.map((m) => ({
      userId: m.user_id,
      statuses: list(m.statuses),
      mayDecide: m.may_decide,
      maySign: m.may_sign,
      informal: m.informal_mandate ?? '',
    })),
    support: support.map((s) => ({ kind: s.kind, frequency: s.frequency, byWhom: s.by_whom, forWhom: s.for_whom })),
    equalPositions: positions.map((p) => ({ key: p.question_key, position: p.position, reason: p.reason })),
    equalViews: views.map((v) => ({ key: v.question_key, userId: v.user_id, view: v.view })),
    checks: checks.map((c) => ({ moment: c.moment as 'start' | 'end' })),
  };
}
