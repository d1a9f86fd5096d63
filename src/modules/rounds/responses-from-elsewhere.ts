import type { ServiceContext } from '../../core/context.ts';
import { newId, newSecretToken } from '../../core/ids.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { AnswerRow } from '../instruments/answers.ts';
import { chooseRoundKey, today } from './service.ts';
import * as store from './store.ts';
import { rebuildTallies } from './tally-store.ts';

/**
 * A round whose answers were given elsewhere (a live meeting's prompts linked to the instrument's
 * questions): a closed round with one organisation-wide link and no team, whose complete responses
 * are replaced as a whole each time they are saved. It then has the same codebook, analysis,
 * dashboard, exports and disclosure control as any survey round.
 */
export type ResponsesFromElsewhere = {
  organisationId: string;
  /** The round saved before, if any; a new one is made when it is gone. */
  roundId: string | undefined;
  instrumentVersionId: string;
  name: string;
  createdBy: string;
  /** Who saves them now (null: the system, for instance after a participant withdrew). */
  actorUserId: string | null;
  /** What the round says it came from, in the audit trail. */
  source: { type: string; id: string };
  responses: { language: string; consentVersion: string; rows: AnswerRow[] }[];
};

/** Runs inside the caller's transaction; returns the round's id. */
export async function saveResponsesFromElsewhere(ctx: ServiceContext, trx: Db, input: ResponsesFromElsewhere): Promise<string> {
  const now = ctx.clock.now();
  const day = today(ctx);
  let round = input.roundId ? await store.findRound(trx, input.organisationId, input.roundId) : undefined;
  let linkId = round ? (await store.listLinks(trx, round.id)).find((l) => l.team_id === null)?.id : undefined;
  if (!round || !linkId) {
    const id = newId();
    const key = await chooseRoundKey(trx, input.organisationId, undefined, input.name, 'nl');
    round = {
      id,
      organisation_id: input.organisationId,
      instrument_version_id: input.instrumentVersionId,
      name: input.name,
      key,
      presentation: null,
      closes_on: day,
      open_text_export: 0,
      status: 'closed',
      created_by: input.createdBy,
      created_at: now.toISOString(),
      results_shared: 'now',
      results_shared_from: null,
      results_audience: 'members',
      results_token: null,
    };
    await store.insertRound(trx, round);
    linkId = newId();
    await store.insertLinks(trx, [{ id: linkId, round_id: id, team_id: null, token: newSecretToken(), created_at: now.toISOString() }]);
  }
  await store.deleteResponsesOfRound(trx, round.id);
  for (const response of input.responses) {
    if (response.rows.length === 0) continue;
    const responseId = newId();
    await store.insertResponse(trx, {
      id: responseId,
      round_id: round.id,
      link_id: linkId,
      team_id: null,
      instrument_version_id: input.instrumentVersionId,
      language: response.language,
      consent_version: response.consentVersion,
      status: 'complete',
      started_on: day,
      submitted_on: day,
      resume_code_hash: null,
    });
    await store.insertAnswers(
      trx,
      response.rows.map((r) => ({ response_id: responseId, question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text })),
    );
  }
  await rebuildTallies(trx, [round.id]);
  await recordAudit(trx, now, {
    organisationId: input.organisationId,
    actorUserId: input.actorUserId,
    action: 'round.saved_from_elsewhere',
    subjectType: 'round',
    subjectId: round.id,
    details: { source: input.source.type, sourceId: input.source.id, responses: input.responses.filter((r) => r.rows.length > 0).length },
  });
  return round.id;
}
