import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskPhotoStorage, type PhotoStorage } from '../../src/modules/stories/photo-storage.ts';
import { S3PhotoStorage } from '../../src/modules/stories/s3-photo-storage.ts';

/**
 * The same contract for both storages. The S3 one runs against s3rver, an S3 API emulator on
 * loopback (no real cloud store is reachable from the test machine), through the real AWS SDK client.
 */
const key = (n: number) => `${'0'.repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}/${'1'.repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}.jpg`;

function contract(name: string, make: () => PhotoStorage) {
  describe(name, () => {
    it('puts, gets and deletes an object; a missing one is undefined; deleting twice is fine', async () => {
      const storage = make();
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3, 4, 5]);
      await storage.put(key(1), bytes, 'image/jpeg');
      expect(await storage.get(key(1))).toEqual(bytes);
      expect(await storage.get(key(2))).toBeUndefined();
      await storage.delete(key(1));
      expect(await storage.get(key(1))).toBeUndefined();
      await storage.delete(key(1));
    });

    it('refuses keys that are not made by the service (no path tricks)', async () => {
      const storage = make();
      await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Invalid photo key/);
      await expect(storage.get('a/../../b.jpg')).rejects.toThrow(/Invalid photo key/);
    });
  });
}

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
let server: S3rver;
let endpoint = '';

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tempDir('kb-s3-'), configureBuckets: [{ name: 'photos', configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

contract('disk photo storage', () => new DiskPhotoStorage(tempDir('kb-photos-')));
contract(
  'S3 photo storage (AWS SDK against an S3 emulator)',
  () => new S3PhotoStorage({ endpoint, region: 'us-east-1', bucket: 'photos', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true }),
);

describe('the app with S3_BUCKET set', () => {
  it('stores an uploaded photo in the object store (not on disk) and serves it through the authorised route', async () => {
    const { Client, createTestApp } = await import('../helpers/app.ts');
    const { makeOrganisation, makeUser, TEST_PASSWORD } = await import('../helpers/factories.ts');
    const { sendBytes } = await import('./http.ts');
    const { makeJpeg } = await import('./images.ts');
    const objectStore = { endpoint, region: 'us-east-1', bucket: 'photos', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
    const t = await createTestApp('sqlite', { photos: { maxBytes: 1_000_000, maxDimension: 500, objectStore } });
    try {
      const org = await makeOrganisation(t.ctx);
      const user = await makeUser(t.ctx, { organisationId: org });
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      const story = (await client.post(`/api/orgs/${org}/stories`, { title: 'In de wolk', scope: 'private' })).json<{ id: string }>().id;
      expect((await sendBytes(t.app, client, `/api/orgs/${org}/stories/${story}/photo`, await makeJpeg(640, 480))).statusCode).toBe(200);
      const row = await t.ctx.db.selectFrom('stories').select('photo_key').where('id', '=', story).executeTakeFirstOrThrow();
      const viaS3 = await new S3PhotoStorage(objectStore).get(row.photo_key as string);
      expect(viaS3?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(fs.existsSync(path.join(t.config.dataDir, 'photos'))).toBe(false);
      const served = await client.get(`/api/orgs/${org}/stories/${story}/photo`);
      expect(served.statusCode).toBe(200);
      expect(served.rawPayload).toEqual(viaS3);
    } finally {
      await t.close();
    }
  });
});
