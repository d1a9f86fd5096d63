import path from 'node:path';
import { newId } from '../../src/core/ids.ts';
import type { StoryTable } from '../../src/db/tables/stories.ts';
import { processPhoto } from '../../src/modules/stories/photo-processing.ts';
import { DiskPhotoStorage } from '../../src/modules/stories/photo-storage.ts';
import type { TestApp } from '../helpers/app.ts';
import { makeJpeg } from './images.ts';

let photo: Promise<{ bytes: Buffer; width: number; height: number }> | undefined;

/** The app's own photo storage (the test app keeps photos on disk in its temporary DATA_DIR). */
export const storageOf = (t: TestApp) => new DiskPhotoStorage(path.join(t.config.dataDir, 'photos'));

/**
 * Rows written straight to the tables (fast, and without audit events, like the other factories):
 * two photo stories of a member shared with the organisation, a reflection on the first, and a
 * photovoice project of the admin holding the first.
 */
export async function makeStoryFixture(t: TestApp, organisationId: string, people: { member: string; admin: string }) {
  // One transaction: one commit (and one fsync on SQLite) for all rows.
  return t.ctx.db.transaction().execute((trx) => makeRows({ ...t, ctx: { ...t.ctx, db: trx } }, organisationId, people));
}

async function makeRows(t: TestApp, organisationId: string, people: { member: string; admin: string }) {
  photo ??= makeJpeg(320, 240).then((jpeg) => processPhoto(jpeg, 2000));
  const { bytes, width, height } = await photo;
  const storage = storageOf(t);
  const now = new Date().toISOString();
  const story = async (title: string): Promise<string> => {
    const id = newId();
    const key = `${organisationId}/${newId()}.jpg`;
    await storage.put(key, bytes, 'image/jpeg');
    const row: StoryTable = {
      id,
      organisation_id: organisationId,
      team_id: null,
      author_user_id: people.member,
      author_position: null,
      title,
      body: 'Drie uur wachten.',
      caption: null,
      pseudonym: null,
      scope: 'organisation',
      scope_changed_at: now,
      media_checklist: null,
      media_checklist_at: null,
      withdrawn_at: null,
      photo_key: key,
      photo_width: width,
      photo_height: height,
      photo_bytes: bytes.length,
      photo_alt: 'Lege stoelen',
      photo_people: 'nobody_recognisable',
      created_on: now.slice(0, 10),
      created_at: now,
      updated_at: now,
    };
    await t.ctx.db.insertInto('stories').values(row).execute();
    return id;
  };
  const first = await story('De wachtzaal');
  const other = await story('De gang');
  const reflection = newId();
  await t.ctx.db
    .insertInto('story_reflections')
    .values({
      id: reflection,
      story_id: first,
      organisation_id: organisationId,
      author_user_id: people.member,
      position: null,
      body: 'Herkenbaar.',
      showed: null,
      research_consent: 0,
      created_on: now.slice(0, 10),
      created_at: now,
    })
    .execute();
  const project = newId();
  await t.ctx.db
    .insertInto('photovoice_projects')
    .values({
      id: project,
      organisation_id: organisationId,
      team_id: null,
      facilitator_user_id: people.admin,
      title: 'Wat helpt?',
      theme: 'Plekken die helpen',
      theme_code: null,
      description: null,
      status: 'collecting',
      exhibition_slug: null,
      exhibition_intro: null,
      published_at: null,
      created_at: now,
    })
    .execute();
  await t.ctx.db
    .insertInto('photovoice_entries')
    .values({ project_id: project, story_id: first, added_by: people.member, added_at: now, selected: 0, group_caption: null, sort_order: 1 })
    .execute();
  return { story: first, otherStory: other, reflection, project };
}
