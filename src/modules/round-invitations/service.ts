import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hashToken, newId, newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { countViewer, shownCount } from '../analysis/small-counts.ts';
import { recordAudit } from '../audit/service.ts';
import { mailEnabled, queueMail } from '../mail/service.ts';
import { isOpen, respondentUrl, today } from '../rounds/service.ts';
import { MAX_ADDRESSES, parseAddresses } from './addresses.ts';
import { darkenToContrast, keepsContrast } from './contrast.ts';
import { type LogoView, publicLogo } from './logo.ts';
import { closingMail, dateInWords, invitationMail, reminderMail } from './mail-texts.ts';
import type { InvitationSummary } from './model.ts';
import * as store from './store.ts';

type RoundRow = NonNullable<Awaited<ReturnType<typeof store.findRound>>>;

async function roundOr404(ctx: ServiceContext, organisationId: string, roundId: string): Promise<RoundRow> {
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  return round;
}

const facts = (round: RoundRow) => ({ roundName: round.name, organisationName: round.organisation_name, closesOn: round.closes_on });
const brandOf = (round: RoundRow) => ({ name: round.organisation_name, ...(round.colour ? { colour: round.colour } : {}) });

/** Queues one mail with a fresh personal link for the invitation (only the link's hash is kept). */
async function mailWithLink(
  ctx: ServiceContext,
  trx: Db,
  round: RoundRow,
  {
    origin,
    invitation,
    texts,
    kind,
  }: { origin: string; invitation: { id: string; email: string; language: string }; texts: ReturnType<typeof invitationMail>; kind: string },
) {
  const token = newSecretToken();
  await store.insertToken(trx, hashToken(token), invitation.id);
  await queueMail(
    { ...ctx, db: trx },
    {
      to: invitation.email,
      language: invitation.language as Language,
      kind,
      subject: texts.subject,
      paragraphs: texts.paragraphs,
      link: { url: respondentUrl(origin, token), label: texts.label },
      brand: brandOf(round),
    },
  );
}

/**
 * Invites a list of addresses to a round: each gets a mail with a personal one-time link that opens
 * the anonymous form of the chosen link (organisation or team). Addresses already invited are
 * passed over. The audit trail records how many, never the addresses.
 */
export async function inviteToRound(
  ctx: ServiceContext,
  actor: Actor,
  {
    organisationId,
    roundId,
    input,
    origin,
  }: { organisationId: string; roundId: string; input: { addresses: string; linkId: string; language: Language }; origin: string },
): Promise<{ added: number; alreadyInvited: number; invalid: string[] }> {
  authorize(actor, 'rounds.invite', organisationId);
  const round = await roundOr404(ctx, organisationId, roundId);
  if (!mailEnabled(ctx.config)) throw new AppError('conflict', { code: 'round-invitations.mail_not_configured' });
  if (!isOpen(round, today(ctx))) throw new AppError('conflict', { code: 'round-invitations.round_closed' });
  if (!(await store.linkOfRound(ctx.db, roundId, input.linkId)))
    throw new AppError('validation_failed', { issues: [{ path: 'linkId', code: 'round-invitations.bad_link' }] });
  const { valid, invalid } = parseAddresses(input.addresses);
  if (valid.length > MAX_ADDRESSES) throw new AppError('validation_failed', { issues: [{ path: 'addresses', code: 'round-invitations.too_many' }] });
  if (valid.length === 0 && invalid.length === 0)
    throw new AppError('validation_failed', { issues: [{ path: 'addresses', code: 'round-invitations.no_addresses' }] });
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const existing = await store.existingAddresses(trx, roundId);
    const fresh = valid.filter((a) => !existing.has(a));
    await store.ensureInvitationRound(trx, roundId, origin);
    const texts = invitationMail(facts(round));
    for (const email of fresh) {
      const invitation = { id: newId(), round_id: roundId, link_id: input.linkId, email, language: input.language, used: 0, created_at: now.toISOString() };
      await store.insertInvitation(trx, invitation);
      await mailWithLink(ctx, trx, round, { origin, invitation, texts, kind: 'round_invitation' });
    }
    if (fresh.length)
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'round.invitations_added',
        subjectType: 'round',
        subjectId: roundId,
        details: { count: fresh.length },
      });
    return { added: fresh.length, alreadyInvited: valid.length - fresh.length, invalid };
  });
}

/** Counts and settings of a round's invitations; how many answered follows the organisation's small-count rule. */
export async function invitationSummary(ctx: ServiceContext, actor: Actor, organisationId: string, roundId: string): Promise<InvitationSummary> {
  authorize(actor, 'rounds.view', organisationId);
  await roundOr404(ctx, organisationId, roundId);
  const counts = await store.countInvitations(ctx.db, roundId);
  const answered = shownCount(counts.used, await countViewer(ctx, actor, organisationId));
  const invitationRound = await store.invitationRound(ctx.db, roundId);
  return {
    mailEnabled: mailEnabled(ctx.config),
    invited: counts.invited,
    answered: answered.count,
    answeredFewerThan: answered.fewerThan,
    reminders: (await store.remindersOf(ctx.db, roundId)).map((r) => ({ sendOn: r.send_on, sent: r.sent_at !== null })),
    closingNoticeSent: invitationRound?.closing_sent_at != null,
    targets: (await store.targetsOf(ctx.db, roundId)).map((t) => ({ linkId: t.link_id, target: t.target })),
  };
}

/** The days reminders go out (to those who have not used their link). Days already sent stay. */
export async function setReminders(ctx: ServiceContext, actor: Actor, organisationId: string, roundId: string, dates: string[]): Promise<void> {
  authorize(actor, 'rounds.invite', organisationId);
  const round = await roundOr404(ctx, organisationId, roundId);
  const day = today(ctx);
  const wanted = [...new Set(dates)].sort();
  if (wanted.some((d) => d < day || d > round.closes_on))
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'dates',
          code: 'round-invitations.reminder_date',
          params: { closesOn: { nl: dateInWords(round.closes_on, 'nl'), en: dateInWords(round.closes_on, 'en') } },
        },
      ],
    });
  await inTransaction(ctx.db, async (trx) => {
    await store.replaceUnsentReminders(
      trx,
      roundId,
      wanted.map((d) => ({ id: newId(), send_on: d })),
    );
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'round.reminders_set',
      subjectType: 'round',
      subjectId: roundId,
      details: { dates: wanted.join(' ') },
    });
  });
}

/** A target number of complete responses per link (team); null removes it. */
export async function setTargets(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  roundId: string,
  targets: { linkId: string; target: number | null }[],
): Promise<void> {
  authorize(actor, 'rounds.invite', organisationId);
  await roundOr404(ctx, organisationId, roundId);
  const links = new Set((await store.linksOfRound(ctx.db, roundId)).map((l) => l.id));
  if (targets.some((t) => !links.has(t.linkId))) throw new AppError('validation_failed', { issues: [{ path: 'targets', code: 'round-invitations.bad_link' }] });
  await inTransaction(ctx.db, async (trx) => {
    for (const t of targets) await store.setTarget(trx, t.linkId, t.target);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'round.targets_set',
      subjectType: 'round',
      subjectId: roundId,
      details: { targets: targets.map((t) => `${t.linkId}=${t.target ?? '-'}`).join(' ') },
    });
  });
}

export async function getBranding(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ colour: string | null; logo: LogoView }> {
  authorize(actor, 'organisation.view', organisationId);
  return { colour: (await store.brandingOf(ctx.db, organisationId))?.colour ?? null, logo: await publicLogo(ctx.db, organisationId) };
}

/** The organisation's colour for its respondent form and mails; refused when white text on it fails AA (4.5 : 1). */
export async function setBranding(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  colour: string | null,
): Promise<{ colour: string | null; logo: LogoView }> {
  authorize(actor, 'organisation.manage', organisationId);
  const value = colour?.toLowerCase() ?? null;
  if (value && !keepsContrast(value))
    throw new AppError('validation_failed', {
      issues: [{ path: 'colour', code: 'round-invitations.colour_contrast', params: { suggestion: darkenToContrast(value) } }],
    });
  await inTransaction(ctx.db, async (trx) => {
    await store.setBranding(trx, organisationId, value, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation.branding_set',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { colour: value },
    });
  });
  return { colour: value, logo: await publicLogo(ctx.db, organisationId) };
}

/** The organisation's colour for public pages (the respondent form), without an actor. */
export const brandColour = async (db: Db, organisationId: string): Promise<string | null> => (await store.brandingOf(db, organisationId))?.colour ?? null;

// The respondent side: a personal link, and its use.

export type InvitationLink = { invitationId: string; linkId: string; spent: boolean };

/** The invitation a personal link's token belongs to; `spent` once it was used for a complete response. */
export async function invitationForToken(db: Db, token: string): Promise<InvitationLink | undefined> {
  const row = await store.invitationByTokenHash(db, hashToken(token));
  return row ? { invitationId: row.id, linkId: row.link_id, spent: row.used === 1 || row.pending !== null } : undefined;
}

/**
 * Notes that an invitation was used. Call it in its own transaction after the response's commit: it
 * writes no time and nothing about the response; the daily batch turns it into `used`.
 */
export const noteInvitationUsed = (db: Db, invitationId: string): Promise<void> => store.noteUse(db, invitationId);

// The daily work: the batch, reminders and closing notices.

/**
 * Once a day (the first run after midnight UTC in any process) the uses noted since the last batch
 * become `used`, all at once; then due reminders go to those who have not used their link; then
 * rounds that closed get their closing notice, after which their addresses are erased.
 */
export async function runInvitationWork(ctx: ServiceContext): Promise<{ marked: number; reminded: number; closed: number }> {
  const day = today(ctx);
  const marked = await inTransaction(ctx.db, async (trx) => ((await store.claimBatchDay(trx, day)) ? store.applyUses(trx) : 0));
  let reminded = 0;
  for (const due of await store.dueReminders(ctx.db, day)) {
    reminded += await inTransaction(ctx.db, async (trx) => {
      if (!(await store.claimReminder(trx, due.id, ctx.clock.now().toISOString()))) return 0;
      const round = await store.findRound(trx, due.organisation_id, due.round_id);
      const invitationRound = await store.invitationRound(trx, due.round_id);
      if (!round || !invitationRound || !isOpen(round, day)) return 0;
      const texts = reminderMail(facts(round));
      const unused = await store.unusedInvitations(trx, due.round_id);
      for (const invitation of unused) await mailWithLink(ctx, trx, round, { origin: invitationRound.origin, invitation, texts, kind: 'round_reminder' });
      return unused.length;
    });
  }
  let closed = 0;
  for (const ended of await store.closedWithoutNotice(ctx.db, day)) {
    closed += await inTransaction(ctx.db, async (trx) => {
      if (!(await store.claimClosing(trx, ended.round_id, ctx.clock.now().toISOString()))) return 0;
      const round = await store.findRound(trx, ended.organisation_id, ended.round_id);
      if (!round) return 0;
      const texts = closingMail(facts(round));
      for (const invitation of await store.allInvitations(trx, ended.round_id)) {
        await queueMail(
          { ...ctx, db: trx },
          {
            to: invitation.email,
            language: invitation.language as Language,
            kind: 'round_closed',
            subject: texts.subject,
            paragraphs: texts.paragraphs,
            brand: brandOf(round),
          },
        );
      }
      const erased = await store.deleteInvitationsOfRound(trx, ended.round_id);
      await recordAudit(trx, ctx.clock.now(), {
        organisationId: ended.organisation_id,
        actorUserId: null,
        action: 'round.invitations_erased',
        subjectType: 'round',
        subjectId: ended.round_id,
        details: { count: erased },
      });
      return 1;
    });
  }
  return { marked, reminded, closed };
}

/** Runs the invitation work every `everyMs` in this process until stopped (several processes may run it). */
export function startInvitationWork(ctx: ServiceContext, everyMs = 5 * 60_000): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runInvitationWork(ctx).catch(() => {}));
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
