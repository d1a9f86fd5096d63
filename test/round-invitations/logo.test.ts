import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openRound } from '../helpers/respondent.ts';
import { sendBytes } from '../stories/http.ts';
import { makeJpeg, withGpsExif } from '../stories/images.ts';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describeEachDatabase("an organisation's logo and colour on its respondent form", (dialect) => {
  let t: TestApp;
  let org: string;
  let admin: Client;
  let member: Client;
  let token: string;
  let photosDir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    photosDir = path.join(t.config.dataDir, 'photos');
    org = await makeOrganisation(t.ctx, 'De Haven');
    const a = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const m = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    admin = new Client(t.app);
    await admin.login(a.email, TEST_PASSWORD);
    member = new Client(t.app);
    await member.login(m.email, TEST_PASSWORD);
    token = (await openRound(admin, org)).token;
  });
  afterAll(() => t.close());

  const auditActions = async () =>
    (await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', org).orderBy('seq').execute())
      .map((r) => r.action)
      .filter((a) => a.startsWith('organisation.logo'));

  it('stores an uploaded logo re-encoded, fitted inside 400 × 160 and without any metadata; replaces and removes it, with audit lines', async () => {
    const original = withGpsExif(await makeJpeg(1000, 200));
    expect((await exifr.parse(original, { gps: true, tiff: true })).Make).toBe('Kruisbestuiving Camera Co');

    const refusedForMember = await sendBytes(t.app, member, `/api/orgs/${org}/branding/logo`, original);
    expect(refusedForMember.statusCode).toBe(403);
    const notAnImage = await sendBytes(t.app, admin, `/api/orgs/${org}/branding/logo`, Buffer.from('not an image at all'));
    expect(notAnImage.statusCode).toBe(400);
    expect(notAnImage.body).toContain('geen JPEG-, PNG- of WebP-afbeelding');

    const uploaded = await sendBytes(t.app, admin, `/api/orgs/${org}/branding/logo`, original);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ width: 400, height: 80 });

    const stored = filesUnder(photosDir);
    expect(stored).toHaveLength(1);
    const bytes = fs.readFileSync(stored[0] as string);
    expect(await exifr.parse(bytes, { gps: true, tiff: true, exif: true, xmp: true, icc: true, iptc: true })).toBeUndefined();
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.icc, meta.xmp]).toEqual(['jpeg', 400, 80, undefined, undefined, undefined]);

    // What members and the form see is the same clean image.
    const seen = await member.get(`/api/orgs/${org}/branding/logo`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    expect((await member.get(`/api/orgs/${org}/branding`)).json()).toMatchObject({ logo: { width: 400, height: 80 } });

    // A tall logo is fitted by its height.
    const replaced = await sendBytes(t.app, admin, `/api/orgs/${org}/branding/logo`, await makeJpeg(300, 600), 'image/jpeg');
    expect(replaced.json()).toMatchObject({ width: 80, height: 160 });
    expect(filesUnder(photosDir)).toHaveLength(1);
    expect(filesUnder(photosDir)[0]).not.toBe(stored[0]);

    expect((await admin.delete(`/api/orgs/${org}/branding/logo`)).statusCode).toBe(200);
    expect(filesUnder(photosDir)).toEqual([]);
    expect((await member.get(`/api/orgs/${org}/branding/logo`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/orgs/${org}/branding/logo`)).statusCode).toBe(404);
    expect((await member.get(`/api/orgs/${org}/branding`)).json()).toMatchObject({ logo: null });
    expect(await auditActions()).toEqual(['organisation.logo_set', 'organisation.logo_set', 'organisation.logo_removed']);
  });

  it('links the brand stylesheet and logo from the form page; the stylesheet carries the colour', async () => {
    const plain = await t.app.inject({ method: 'GET', url: `/r/${token}?lang=nl` });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toMatch(new RegExp(`<link rel="stylesheet" href="/r/${token}/brand.css\\?v=[0-9a-f]{12}"/>`));
    expect(plain.body).toContain('<span class="brand org-name">De Haven</span>');
    expect(plain.body).not.toContain('class="org-logo"');
    expect((await t.app.inject({ method: 'GET', url: `/r/${token}/brand.css` })).body).toBe('');

    expect((await admin.put(`/api/orgs/${org}/branding`, { colour: '#7a1f5c' })).statusCode).toBe(200);
    expect((await sendBytes(t.app, admin, `/api/orgs/${org}/branding/logo`, await makeJpeg(400, 100))).statusCode).toBe(200);

    // An open link is kept with its brand for two seconds (openLink), so the form shows the new brand within that time.
    const logoPattern = new RegExp(`<img class="org-logo" src="(/r/${token}/logo\\?v=[0-9a-f]{12})" alt="De Haven" width="400" height="100"/>`);
    const page = await vi.waitFor(
      async () => {
        const seen = await t.app.inject({ method: 'GET', url: `/r/${token}?lang=nl` });
        expect(seen.body).toMatch(logoPattern);
        return seen;
      },
      { timeout: 5000, interval: 250 },
    );
    const logoSrc = logoPattern.exec(page.body)?.[1];
    expect(logoSrc).toBeDefined();
    const cssHref = new RegExp(`href="(/r/${token}/brand.css\\?v=[0-9a-f]{12})"`).exec(page.body)?.[1] ?? '';
    expect(cssHref).not.toBe(new RegExp(`href="(/r/${token}/brand.css\\?v=[0-9a-f]{12})"`).exec(plain.body)?.[1]);

    const css = await t.app.inject({ method: 'GET', url: cssHref });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('background: #7a1f5c;');
    expect(css.body).toMatch(/a,\n\.brand,\n\.org-name \{\n {2}color: #7a1f5c;/);

    const logo = await t.app.inject({ method: 'GET', url: logoSrc as string });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/jpeg');

    // An unknown link gives nothing away.
    expect((await t.app.inject({ method: 'GET', url: '/r/onbekend-onbekend-onbekend-1234/logo' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/r/onbekend-onbekend-onbekend-1234/brand.css' })).statusCode).toBe(404);
  });
});
