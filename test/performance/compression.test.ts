import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const webDir = path.resolve(import.meta.dirname, '../../dist/web');
const built = fs.existsSync(path.join(webDir, 'index.html'));
const largestScript = () =>
  fs
    .readdirSync(path.join(webDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, size: fs.statSync(path.join(webDir, 'assets', name)).size }))
    .sort((a, b) => b.size - a.size)[0]?.name ?? '';

// Needs the built web app (npx vite build), like the browser tests.
describe.runIf(built)('compressed answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { webDir });
  });
  afterAll(async () => t?.close());

  it('serves a script precompressed with brotli when asked, byte-identical after decompressing', async () => {
    const name = largestScript();
    const original = fs.readFileSync(path.join(webDir, 'assets', name));
    const res = await t.app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBeLessThan(original.length);
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(original)).toBe(true);
    // Sent as written at build time, not compressed again per request.
    expect(res.rawPayload.equals(fs.readFileSync(path.join(webDir, 'assets', `${name}.br`)))).toBe(true);
  });

  it('falls back to gzip, and to the plain file for a client that asks for neither', async () => {
    const name = largestScript();
    const original = fs.readFileSync(path.join(webDir, 'assets', name));
    const gz = await t.app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(original)).toBe(true);
    const plain = await t.app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('lets a browser keep a built script a year, and asks it to check the page itself each time', async () => {
    const script = await t.app.inject({ method: 'GET', url: `/assets/${largestScript()}`, headers: { 'accept-encoding': 'br' } });
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=0');
  });

  it('compresses the HTML page and JSON answers made per request', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html', 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toContain('<html');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(docs.rawPayload).toString())).toHaveProperty('openapi');
  });
});

describe('fixed files of the public pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('are compressed once and sent as kept: brotli, gzip, or plain for a client that refuses both', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/r-assets/form.css', headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('.question');
    const br = await t.app.inject({ method: 'GET', url: '/r-assets/form.css', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Brotli at its strongest setting: smaller than at the quality used for pages made per request.
    expect(br.rawPayload.length).toBeLessThan(zlib.brotliCompressSync(plain.rawPayload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }).length);
    const again = await t.app.inject({ method: 'GET', url: '/r-assets/form.css', headers: { 'accept-encoding': 'br' } });
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
    const gz = await t.app.inject({ method: 'GET', url: '/r-assets/form.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toContain('Optional improvements for the resp');
  });
});
