import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { pngBomb } from '../helpers/bad-files.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { sendBytes } from './http.ts';
import { makeJpeg } from './images.ts';

const UPLOADS_PER_HOUR = 6;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) as unknown as string[];
}

describeEachDatabase('photo bombs and upload floods', (dialect) => {
  let t: TestApp;
  let now = new Date('2026-12-05T10:50:00.000Z');
  let org: string;
  let photosDir: string;

  const person = async () => {
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { client, id: user.id };
  };
  const newStory = async (client: Client) => {
    const response = await client.post(`/api/orgs/${org}/stories`, { title: 'Foto', caption: 'Een plek', scope: 'private' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ id: string }>().id;
  };
  const photoKey = async (storyId: string) =>
    (await t.ctx.db.selectFrom('stories').select('photo_key').where('id', '=', storyId).executeTakeFirstOrThrow()).photo_key;

  beforeAll(async () => {
    // A clock that stands still: the upload count is per clock hour, and the test must not cross one.
    t = await createTestApp(dialect, { uploadsPerHour: UPLOADS_PER_HOUR }, { now: () => now });
    photosDir = path.join(t.config.dataDir, 'photos');
    org = await makeOrganisation(t.ctx);
  });
  afterAll(() => t.close());

  it('refuses a PNG that declares 64 megapixels by its header, before decoding it, with bounded memory and nothing stored', async () => {
    const { client } = await person();
    const bomb = pngBomb(8000, 8000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const storyIds = await Promise.all([1, 2, 3, 4].map(() => newStory(client)));
    const files = filesUnder(photosDir).length;
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    // Four at once, as in the attack: decoding them would take about 64 MB each, and seconds of CPU.
    const responses = await Promise.all(storyIds.map((id) => sendBytes(t.app, client, `/api/orgs/${org}/stories/${id}/photo`, bomb, 'image/png')));
    clearInterval(sampler);
    const growth = Math.max(peak, process.memoryUsage().rss) - rssBefore;
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.issues).toEqual([{ path: 'photo', message: 'too_many_pixels' }]);
    }
    // Decoding them peaks at 60–120 MB here; reading four headers at well under 1 MB.
    expect(growth).toBeLessThan(40 * 1024 * 1024);
    expect(filesUnder(photosDir)).toHaveLength(files);
    for (const id of storyIds) expect(await photoKey(id)).toBeNull();
  });

  it('still takes a large phone photo (48 megapixels, JPEG)', async () => {
    const { client } = await person();
    const storyId = await newStory(client);
    const response = await sendBytes(
      t.app,
      client,
      `/api/orgs/${org}/stories/${storyId}/photo`,
      await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#6a8caf' } })
        .jpeg()
        .toBuffer(),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ photo: { width: 2000, height: 1500 } });
  });

  it('counts uploads per person in the database: the next one in the hour is refused, also by another app process', async () => {
    const flooder = await person();
    const other = await person();
    const storyId = await newStory(flooder.client);
    const jpeg = await makeJpeg(64, 64);
    for (let i = 0; i < UPLOADS_PER_HOUR; i++) {
      const response = await sendBytes(t.app, flooder.client, `/api/orgs/${org}/stories/${storyId}/photo`, jpeg);
      expect(response.statusCode, response.body).toBe(200);
    }
    const refused = await sendBytes(t.app, flooder.client, `/api/orgs/${org}/stories/${storyId}/photo`, jpeg);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.id).toBe('rate_limited');
    // A second app on the same database (its own memory, like a second process) knows the count too.
    const second = await buildApp({
      config: t.config,
      database: { db: t.ctx.db, dialect: t.ctx.dialect, location: 'shared', sqlite: undefined, close: async () => {} },
      logger: false,
      clock: t.ctx.clock,
    });
    await second.ready();
    try {
      const elsewhere = await sendBytes(second, flooder.client, `/api/orgs/${org}/stories/${storyId}/photo`, jpeg);
      expect(elsewhere.statusCode).toBe(429);
    } finally {
      await second.close();
    }
    // Someone else is not held back by it.
    const own = await newStory(other.client);
    expect((await sendBytes(t.app, other.client, `/api/orgs/${org}/stories/${own}/photo`, jpeg)).statusCode).toBe(200);
    // The next hour starts afresh, and the count of the hour before is forgotten.
    now = new Date('2026-12-05T11:05:00.000Z');
    expect((await sendBytes(t.app, flooder.client, `/api/orgs/${org}/stories/${storyId}/photo`, jpeg)).statusCode).toBe(200);
    const counts = await t.ctx.db.selectFrom('upload_counts').select(['window_start', 'uploads']).where('user_id', '=', flooder.id).execute();
    expect(counts).toEqual([{ window_start: '2026-12-05T11:00:00.000Z', uploads: 1 }]);
  });
});
