import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { pngBomb, xlsxBomb, zip } from '../helpers/bad-files.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openRound } from '../helpers/respondent.ts';
import { sendBytes } from '../stories/http.ts';

/**
 * The bad-file corpus: spreadsheets, CSV and photos that are broken, lie about themselves, unpack
 * to gigabytes or come in the wrong encoding. Each gets a clear 4xx in the person's language, and
 * nothing is stored; the server's memory stays put while it refuses them.
 */

const MB = 1024 * 1024;

/** Runs the work and reports how far the process's memory rose above where it started, sampled every 5 ms. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(sampler);
  }
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describeEachDatabase('the bad-file corpus: a clear refusal, nothing stored, memory bounded', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Client;
  let roundId: string;
  let photosDir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    photosDir = path.join(t.config.dataDir, 'photos');
    org = await makeOrganisation(t.ctx, 'De Overkant');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    roundId = (await openRound(researcher, org)).round.id as string;
  });
  afterAll(() => t.close());

  const importUrl = () => `/api/orgs/${org}/rounds/${roundId}/imports`;
  const commit = (fileName: string, content: Uint8Array) =>
    researcher.post(importUrl(), { fileName, contentBase64: Buffer.from(content).toString('base64'), mapping: { columns: { naam: null } } });
  const stored = async () => {
    const responses = await t.ctx.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    return Number(responses.n);
  };

  const spreadsheets: { name: string; fileName: string; bytes: () => Uint8Array; message: RegExp }[] = [
    { name: 'an .xlsx that declares 6 KB and unpacks to 2 GB', fileName: 'bom.xlsx', bytes: () => xlsxBomb(2048), message: /groter dan 300 MB/ },
    { name: 'an .xlsx that declares its 400 MB honestly', fileName: 'groot.xlsx', bytes: () => xlsxBomb(400, 400 * MB + 200), message: /groter dan 300 MB/ },
    {
      name: 'an .xlsx with an entry hidden from the central directory',
      fileName: 'verstopt.xlsx',
      bytes: () =>
        zip(
          [
            { name: '[Content_Types].xml', data: new Uint8Array(10), method: 0 },
            { name: 'x.xml', data: new Uint8Array(20), method: 0 },
          ],
          { centralOnly: ['x.xml'] },
        ),
      message: /geen Excel-bestand/,
    },
    { name: 'an .xlsx cut off halfway', fileName: 'half.xlsx', bytes: () => xlsxBomb(1, MB + 200).subarray(0, 600), message: /geen Excel-bestand/ },
    {
      name: 'a zip that is no spreadsheet',
      fileName: 'map.xlsx',
      bytes: () => zip([{ name: 'foto.jpg', data: new Uint8Array(100), method: 0 }]),
      message: /geen Excel-bestand|geen werkblad|leeg/i,
    },
    { name: 'an old .xls', fileName: 'oud.xls', bytes: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), message: /\.xls/ },
    { name: 'an empty CSV', fileName: 'leeg.csv', bytes: () => new Uint8Array(0), message: /contentBase64/ },
    { name: 'a CSV of blank lines', fileName: 'leeg.csv', bytes: () => Buffer.from('\r\n\r\n;;\r\n'), message: /leeg/ },
    { name: 'a CSV in UTF-16 with columns nobody knows', fileName: 'unicode.csv', bytes: () => utf16le('wie;wat\r\nRené;€ 5\r\n'), message: /.+/ },
    { name: 'a CSV that is really a gzip', fileName: 'data.csv', bytes: () => zlib.gzipSync(Buffer.alloc(MB, 0x41)), message: /.+/ },
    { name: 'a CSV with an unclosed quote', fileName: 'quote.csv', bytes: () => Buffer.from('naam;uren\n"René;7\n'), message: /aanhalingsteken/ },
  ];

  for (const file of spreadsheets) {
    it(`refuses ${file.name}`, async () => {
      const { result: response, growth } = await peakGrowth(() => commit(file.fileName, file.bytes()));
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json();
      const messages = [
        body.error.message,
        ...body.error.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`),
        ...(body.problems ?? []).map((p: { message: string }) => p.message),
      ].join(' | ');
      expect(messages).toMatch(file.message);
      expect(response.body).not.toMatch(/at \w+ \(|node_modules|SQL|stack/i);
      expect(await stored()).toBe(0);
      expect(growth).toBeLessThan(150 * MB);
    });
  }

  it('refuses broken, disguised and oversized photos with a code the web app translates, storing nothing', async () => {
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const author = new Client(t.app);
    await author.login(user.email, TEST_PASSWORD);
    const story = await author.post(`/api/orgs/${org}/stories`, { title: 'Foto', caption: 'Een plek', scope: 'private' });
    const storyId = story.json().id as string;
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .gif()
      .toBuffer();
    const corpus: [string, Buffer, string][] = [
      ['tekst met .jpg-naam', Buffer.from('Dit is geen foto.'), 'not_an_image'],
      ['afgebroken JPEG', jpeg.subarray(0, 200), 'not_an_image'],
      ['GIF', gif, 'not_an_image'],
      ['SVG met script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'not_an_image'],
      [
        'PNG-handtekening met zip erachter',
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(xlsxBomb(4))]),
        'not_an_image',
      ],
      ['JPEG-handtekening als PNG verstuurd', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100)]), 'not_an_image'],
      ['PNG van 64 megapixel', pngBomb(8000, 8000), 'too_many_pixels'],
      ['PNG van 30.000 × 30.000', pngBomb(30_000, 30_000), 'too_many_pixels'],
    ];
    const files = fs.existsSync(photosDir) ? fs.readdirSync(photosDir, { recursive: true }).length : 0;
    const { growth } = await peakGrowth(async () => {
      for (const [name, bytes, code] of corpus) {
        const response = await sendBytes(t.app, author, `/api/orgs/${org}/stories/${storyId}/photo`, bytes, 'image/png');
        expect(response.statusCode, name).toBe(400);
        expect(response.json().error.issues, name).toEqual([{ path: 'photo', message: code }]);
      }
    });
    expect(growth).toBeLessThan(150 * MB);
    expect(fs.existsSync(photosDir) ? fs.readdirSync(photosDir, { recursive: true }).length : 0).toBe(files);
    const row = await t.ctx.db.selectFrom('stories').select('photo_key').where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(row.photo_key).toBeNull();
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', storyId).execute();
    expect(audit.map((a) => a.action)).toEqual(['story.created']);
  });
});
