import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import * as store from './store.ts';

export type ResearchOpenAnswer = { roundId: string; roundName: string; responseId: string; question: string; text: string; submittedOn: string | null };

/**
 * The open answers researchers may read and code: only of rounds whose consent text told
 * respondents that their open answers go, without their name, to the people with row-level access
 * (rounds/data-policy.ts, `openTextInRows`), and only of complete responses. Never who answered.
 */
export async function openAnswersForResearch(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  only?: { responseId: string; question: string },
): Promise<ResearchOpenAnswer[]> {
  // 'reports.raw' is the policy the consent text names as the people who read rows (data-policy.ts rowLevelRoles).
  authorize(actor, 'reports.raw', organisationId);
  const rows = await store.researchOpenAnswers(ctx.db, organisationId, only);
  return rows
    .filter((r) => r.text_value !== null && r.text_value.trim() !== '')
    .map((r) => ({
      roundId: r.round_id,
      roundName: r.round_name,
      responseId: r.response_id,
      question: r.question,
      text: r.text_value ?? '',
      submittedOn: r.submitted_on,
    }));
}
