import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { lazyRequire } from '../../core/lazy-require.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { personColumns } from './person-columns.ts';
import * as store from './store.ts';

const fflate = lazyRequire<typeof import('fflate')>('fflate');

const README = `Kruisbestuiving — jouw gegevens / your data

NL  Dit bestand bevat alles wat Kruisbestuiving over jou bewaart: je account (account.json), wat je schreef
    of deed in trajecten, verhalen, signalen en codering (één JSON-bestand per onderdeel), wie wat met
    je gegevens deed (audit.json) en je foto's (map photos/). Antwoorden op vragenlijsten zijn anoniem:
    die zijn nooit aan jou gekoppeld en staan hier dus niet in.
EN  This file holds everything Kruisbestuiving keeps about you: your account (account.json), what you
    wrote or did in trajectories, stories, signals and coding (one JSON file per part), who did what with
    your data (audit.json) and your photos (folder photos/). Survey answers are anonymous: they were never
    linked to you, so they are not here.
`;

const omit = (row: Record<string, unknown>, secret: readonly string[] = []) => Object.fromEntries(Object.entries(row).filter(([k]) => !secret.includes(k)));

/** Everything the platform holds about one person, as JSON sections (GDPR art. 15 and 20). */
export async function collectPersonData(ctx: ServiceContext, userId: string) {
  const user = await store.findUser(ctx.db, userId);
  if (!user) throw notFound();
  const sections: Record<string, Record<string, unknown[]>> = {};
  const byTable = new Map<string, { section: string; columns: string[]; secret: readonly string[] }>();
  for (const c of personColumns) {
    const entry = byTable.get(c.table) ?? { section: c.section, columns: [], secret: c.secret ?? [] };
    entry.columns.push(c.column);
    byTable.set(c.table, entry);
  }
  for (const [table, { section, columns, secret }] of byTable) {
    const rows = (await store.rowsNaming(ctx.db, table, columns, userId)).map((r) => omit(r, secret));
    if (rows.length === 0) continue;
    sections[section] ??= {};
    (sections[section] as Record<string, unknown[]>)[table] = rows;
  }
  sections.account = {
    ...sections.account,
    organisations: await store.organisationsOf(ctx.db, userId),
    invitations_to_you: await store.invitationsTo(ctx.db, user.email),
  };
  sections.trajecten = { ...sections.trajecten, intervision_sessions_taken_part_in: await store.intervisionSessionsWith(ctx.db, userId) };
  const audit = (await store.auditAbout(ctx.db, userId)).map((e) => ({ ...e, details: JSON.parse(e.details) as unknown }));
  return { sections, audit, photos: await store.photosOf(ctx.db, userId) };
}

/** The ZIP a person downloads: README.txt, one JSON file per section, audit.json and photos/<story id>.jpg. The download is audited. */
export async function exportPersonZip(ctx: ServiceContext, storage: PhotoStorage, actor: Actor): Promise<Uint8Array> {
  const data = await collectPersonData(ctx, actor.userId);
  const files: Record<string, Uint8Array> = { 'README.txt': fflate().strToU8(README) };
  for (const [section, tables] of Object.entries(data.sections)) files[`${section}.json`] = fflate().strToU8(JSON.stringify(tables, null, 2));
  files['audit.json'] = fflate().strToU8(JSON.stringify(data.audit, null, 2));
  for (const photo of data.photos) {
    const bytes = photo.photo_key ? await storage.get(photo.photo_key) : undefined;
    if (bytes) files[`photos/${photo.id}.jpg`] = bytes;
  }
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: actor.userId,
      action: 'person.exported',
      subjectType: 'user',
      subjectId: actor.userId,
    }),
  );
  return fflate().zipSync(files, { level: 6 });
}
