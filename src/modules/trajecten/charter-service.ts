import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { inTransaction } from '../../db/database.ts';
import { displayNames } from '../../db/display-names.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { recordAudit } from '../audit/service.ts';
import { notify } from '../notifications/notify-service.ts';
import { invalid, openTrajectory, recordChange, type TrajectoryAccess } from './access.ts';
import { diffCharter, sameCharter } from './charter/diff.ts';
import { charterSectionOrder, generateCharter } from './charter/generate.ts';
import type { CharterDocument } from './charter/markdown.ts';
import { signingState } from './charter/signing.ts';
import { isOutdated, sectionsOf } from './charter/status.ts';
import type { CharterVersionView } from './model.ts';
import { loadState } from './state-loader.ts';
import * as store from './store.ts';

/** A new version from what the team agreed now; refused when it would say the same as the latest. */
export async function createVersion(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, language?: Language) {
  try {
    return await makeVersion(ctx, actor, organisationId, trajectoryId, language);
  } catch (error) {
    // Someone else made the same version number a moment earlier.
    if (isUniqueViolation(error)) throw new AppError('conflict', { code: 'trajecten.charter_made_meanwhile' });
    throw error;
  }
}

function makeVersion(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, language?: Language) {
  return inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const versions = await store.listVersions(trx, [trajectoryId]);
    const latest = versions.at(-1);
    const lang = language ?? (latest?.language as Language | undefined) ?? actor.language;
    const sections = generateCharter(await loadState(trx, access), lang);
    if (latest && sameCharter(sectionsOf(latest), sections)) throw new AppError('conflict', { code: 'trajecten.charter_nothing_changed' });
    const version = (latest ? Number(latest.version) : 0) + 1;
    const id = newId();
    await store.insertVersion(trx, {
      id,
      trajectory_id: trajectoryId,
      version,
      language: lang,
      sections: JSON.stringify(sections),
      created_by: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, {
      action: 'charter.version_created',
      subject: { type: 'charter_version', id },
      details: { version, language: lang },
    });
    // Every team member signs; the one who made the version knows already.
    await notify(
      { ...ctx, db: trx },
      {
        organisationId,
        userIds: access.members.map((m) => m.userId).filter((userId) => userId !== actor.userId),
        kind: 'charter_to_sign',
        subjectId: id,
        params: { version },
        link: `/o/${organisationId}/trajecten/${trajectoryId}/kader/${version}`,
      },
    );
    return { version };
  });
}

async function versionContext(ctx: ServiceContext, access: TrajectoryAccess, version: number) {
  const versions = await store.listVersions(ctx.db, [access.row.id]);
  const index = versions.findIndex((v) => Number(v.version) === version);
  const row = versions[index];
  if (!row) throw notFound();
  return { versions, row, previous: index > 0 ? versions[index - 1] : undefined, latest: index === versions.length - 1 };
}

export async function getVersion(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  trajectoryId: string,
  version: number,
): Promise<CharterVersionView> {
  const access = await openTrajectory(ctx.db, actor, organisationId, trajectoryId);
  const { versions, row, previous, latest } = await versionContext(ctx, access, version);
  const state = await loadState(ctx.db, access);
  const signatures = await store.listSignatures(
    ctx.db,
    versions.map((v) => v.id),
  );
  const stateOf = (versionId: string) =>
    signingState(
      access.members,
      signatures.filter((s) => s.version_id === versionId).map((s) => ({ userId: s.user_id, signedAt: s.signed_at })),
    );
  const signing = stateOf(row.id);
  // A signature shows the name the person signed with, not a later rename.
  const signedAs = new Map(signatures.filter((s) => s.version_id === row.id && s.signer_name).map((s) => [s.user_id, s.signer_name as string]));
  const comments = await store.listComments(ctx.db, row.id);
  const names = await displayNames(ctx.db, [row.created_by, ...comments.map((c) => c.author_user_id)]);
  const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '—' });
  const sections = sectionsOf(row);
  return {
    version: Number(row.version),
    language: row.language as Language,
    createdAt: row.created_at,
    createdBy: person(row.created_by),
    sections,
    diff: diffCharter(previous ? sectionsOf(previous) : null, sections),
    signatures: signing.signed.map((s) => ({ userId: s.userId, displayName: signedAs.get(s.userId) ?? s.displayName, signedAt: s.signedAt })),
    missing: signing.missing.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    established: signing.established,
    latest,
    outdated: latest && isOutdated(row, state),
    comments: comments.map((c) => ({ id: c.id, sectionKey: c.section_key, author: person(c.author_user_id), text: c.text, createdAt: c.created_at })),
    versions: versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at, established: stateOf(v.id).established })),
    canSign: access.canSign && latest && !signing.signed.some((s) => s.userId === actor.userId),
    signedByMe: signing.signed.some((s) => s.userId === actor.userId),
  };
}

/**
 * A team member signs the newest version, if it still says what the team agrees now. Signing twice
 * changes nothing. When everyone has signed, the version is established ("vastgesteld").
 */
export async function signVersion(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, version: number) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'sign');
    const versions = await store.listVersions(trx, [trajectoryId]);
    const row = versions.find((v) => Number(v.version) === version);
    if (!row) throw notFound();
    if (row !== versions.at(-1)) throw new AppError('conflict', { code: 'trajecten.charter_not_latest' });
    if (isOutdated(row, await loadState(trx, access))) throw new AppError('conflict', { code: 'trajecten.charter_outdated' });
    const existing = await store.listSignatures(trx, [row.id]);
    if (existing.some((s) => s.user_id === actor.userId)) return;
    try {
      const signer = access.members.find((m) => m.userId === actor.userId);
      await store.insertSignature(trx, {
        version_id: row.id,
        user_id: actor.userId,
        signer_name: signer?.displayName ?? '—',
        signed_at: ctx.clock.now().toISOString(),
      });
    } catch (error) {
      // The same person signing twice at once (a double click): the first signature counts.
      if (isUniqueViolation(error)) return;
      throw error;
    }
    const after = signingState(
      access.members,
      [...existing, { user_id: actor.userId, signed_at: '' }].map((s) => ({ userId: s.user_id, signedAt: s.signed_at })),
    );
    await recordChange(trx, ctx, actor, access, {
      action: 'charter.signed',
      subject: { type: 'charter_version', id: row.id },
      details: { version, established: after.established },
    });
  });
  return getVersion(ctx, actor, organisationId, trajectoryId, version);
}

export async function commentOnVersion(
  ctx: ServiceContext,
  actor: Actor,
  {
    organisationId,
    trajectoryId,
    version,
    input,
  }: { organisationId: string; trajectoryId: string; version: number; input: { sectionKey: string; text: string } },
) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    const row = (await store.listVersions(trx, [trajectoryId])).find((v) => Number(v.version) === version);
    if (!row) throw notFound();
    if (!(charterSectionOrder as readonly string[]).includes(input.sectionKey)) throw invalid('sectionKey', 'trajecten.unknown_section');
    const id = newId();
    await store.insertComment(trx, {
      id,
      version_id: row.id,
      section_key: input.sectionKey,
      author_user_id: actor.userId,
      text: input.text,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordChange(trx, ctx, actor, access, {
      action: 'charter.commented',
      subject: { type: 'charter_version', id: row.id },
      details: { version, section: input.sectionKey },
    });
  });
  return getVersion(ctx, actor, organisationId, trajectoryId, version);
}

/** The document to export (Markdown or PDF); the download is audited. */
export async function charterDocument(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, trajectoryId, version, format }: { organisationId: string; trajectoryId: string; version: number; format: 'md' | 'pdf' },
): Promise<CharterDocument> {
  const view = await getVersion(ctx, actor, organisationId, trajectoryId, version);
  const access = await openTrajectory(ctx.db, actor, organisationId, trajectoryId);
  const team = await store.teamOf(ctx.db, organisationId, access.row.team_id);
  // A download changes nothing in the trajectory, but who took a copy is kept.
  await recordAudit(ctx.db, ctx.clock.now(), {
    organisationId,
    actorUserId: actor.userId,
    action: 'charter.exported',
    subjectType: 'trajectory',
    subjectId: trajectoryId,
    details: { version, format },
  });
  return {
    title: access.row.title,
    team: team?.name ?? '',
    version: view.version,
    language: view.language,
    sections: view.sections,
    signatures: view.signatures,
    missing: view.missing,
    established: view.established,
  };
}
