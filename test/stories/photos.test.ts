import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { sendBytes } from './http.ts';
import { makeJpeg, withGpsExif } from './images.ts';

const MAX_BYTES = 300_000;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describeEachDatabase('photo uploads', (dialect) => {
  let t: TestApp;
  let org: string;
  const author = { client: undefined as unknown as Client };
  let photosDir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { photos: { maxBytes: MAX_BYTES, maxDimension: 800, objectStore: undefined } });
    photosDir = path.join(t.config.dataDir, 'photos');
    org = await makeOrganisation(t.ctx);
    const team = await makeTeam(t.ctx, org);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, team, user.id, 'experience_worker');
    author.client = new Client(t.app);
    await author.client.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const newStory = async () => {
    const response = await author.client.post(`/api/orgs/${org}/stories`, { title: 'Foto', caption: 'Een plek', scope: 'team' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ id: string }>().id;
  };
  const photoKey = async (storyId: string) =>
    (await t.ctx.db.selectFrom('stories').select('photo_key').where('id', '=', storyId).executeTakeFirstOrThrow()).photo_key;

  it('stores a JPEG with GPS, camera and time metadata re-encoded, resized and without any metadata', async () => {
    const original = withGpsExif(await makeJpeg(1600, 1200));
    // The fixture really carries what must be removed.
    const before = await exifr.parse(original, { gps: true, tiff: true, exif: true });
    expect(before).toMatchObject({ Make: 'Kruisbestuiving Camera Co', Model: 'Proefmodel 3000' });
    expect(before.latitude).toBeCloseTo(51.0534, 3);
    expect(original.length).toBeLessThan(MAX_BYTES);

    const storyId = await newStory();
    const response = await sendBytes(t.app, author.client, `/api/orgs/${org}/stories/${storyId}/photo`, original);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ photo: { width: 800, height: 600 } });

    const key = await photoKey(storyId);
    expect(key).toMatch(new RegExp(`^${org}/[0-9a-f-]{36}\\.jpg$`));
    const stored = fs.readFileSync(path.join(photosDir, key as string));
    for (const copy of [stored, (await author.client.get(`/api/orgs/${org}/stories/${storyId}/photo`)).rawPayload]) {
      expect(await exifr.parse(copy, { gps: true, tiff: true, exif: true, xmp: true, iptc: true, icc: true })).toBeUndefined();
      const meta = await sharp(copy).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(copy.includes(Buffer.from('Proefmodel'))).toBe(false);
    }
  });

  it('refuses a text file named .jpg, and a broken JPEG, storing nothing', async () => {
    const storyId = await newStory();
    const files = filesUnder(photosDir).length;
    for (const bytes of [Buffer.from('Dit is geen foto, alleen tekst in een bestand dat vakantie.jpg heet.'), (await makeJpeg(200, 200)).subarray(0, 400)]) {
      const response = await sendBytes(t.app, author.client, `/api/orgs/${org}/stories/${storyId}/photo`, bytes);
      expect(response.statusCode).toBe(400);
      // A code next to the field, which the web app shows in the person's language.
      expect(response.json().error.issues).toEqual([{ path: 'photo', message: 'not_an_image' }]);
    }
    expect(filesUnder(photosDir)).toHaveLength(files);
    expect(await photoKey(storyId)).toBeNull();
  });

  it('refuses a file over the limit with a clear message, storing nothing on disk or in the database', async () => {
    const storyId = await newStory();
    const files = filesUnder(photosDir).length;
    const big = Buffer.concat([await makeJpeg(64, 64), Buffer.alloc(MAX_BYTES)]);
    const response = await sendBytes(t.app, author.client, `/api/orgs/${org}/stories/${storyId}/photo`, big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toMatch(/te groot/);
    expect(filesUnder(photosDir)).toHaveLength(files);
    expect(await photoKey(storyId)).toBeNull();
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', storyId).execute();
    expect(audit.map((a) => a.action)).toEqual(['story.created']);
  });

  it('replacing a photo removes the old file; deleting the story removes the photo', async () => {
    const storyId = await newStory();
    await sendBytes(t.app, author.client, `/api/orgs/${org}/stories/${storyId}/photo`, await makeJpeg(300, 200));
    const first = await photoKey(storyId);
    await sendBytes(t.app, author.client, `/api/orgs/${org}/stories/${storyId}/photo`, await makeJpeg(200, 300));
    const second = await photoKey(storyId);
    expect(second).not.toBe(first);
    expect(fs.existsSync(path.join(photosDir, first as string))).toBe(false);
    expect(fs.existsSync(path.join(photosDir, second as string))).toBe(true);
    expect((await author.client.delete(`/api/orgs/${org}/stories/${storyId}`)).statusCode).toBe(200);
    expect(fs.existsSync(path.join(photosDir, second as string))).toBe(false);
  });
});
