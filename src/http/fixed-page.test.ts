import zlib from 'node:zlib';
import Fastify from 'fastify';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fixedPageSender, keptPageSender } from './public-page.tsx';

describe('a page the same for everyone', () => {
  it('is rendered and compressed once per key and encoding, then sent as kept', async () => {
    const app = Fastify();
    const send = fixedPageSender();
    const rendered: string[] = [];
    app.get('/:lang', (req, reply) => {
      const { lang } = req.params as { lang: string };
      return send(reply, lang, () => {
        rendered.push(lang);
        return createElement('html', { lang }, createElement('body', null, createElement('p', null, `${lang} `.repeat(400))));
      });
    });
    const get = (lang: string, encoding?: string) => app.inject({ method: 'GET', url: `/${lang}`, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const plain = await get('nl');
    expect(plain.body.startsWith('<!doctype html><html lang="nl"><head></head><body><p>nl nl ')).toBe(true);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('no-store');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('nl', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect((await get('nl', 'br')).rawPayload.equals(br.rawPayload)).toBe(true);
    const gz = await get('nl', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect((await get('en', 'br')).headers['content-encoding']).toBe('br');
    expect(rendered).toEqual(['nl', 'en']);
    await app.close();
  });

  it('kept per owner: compressed once per owner, key and encoding; another owner renders its own', async () => {
    const app = Fastify();
    const send = keptPageSender();
    const owners = { a: {}, b: {} };
    const rendered: string[] = [];
    app.get('/:owner/:key', (req, reply) => {
      const { owner, key } = req.params as { owner: 'a' | 'b'; key: string };
      return send(reply, owners[owner], key, () => {
        rendered.push(`${owner}/${key}`);
        return `<html><body><p>${`${owner} ${key} `.repeat(300)}</p></body></html>`;
      });
    });
    const get = (url: string, encoding = 'br') => app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
    const first = await get('/a/1');
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(zlib.brotliDecompressSync(first.rawPayload).toString().startsWith('<!doctype html><html><body><p>a 1 a 1 ')).toBe(true);
    expect((await get('/a/1')).rawPayload.equals(first.rawPayload)).toBe(true);
    expect(zlib.gunzipSync((await get('/a/1', 'gzip')).rawPayload).toString()).toBe(zlib.brotliDecompressSync(first.rawPayload).toString());
    await get('/a/2');
    await get('/b/1');
    await get('/b/1');
    expect(rendered).toEqual(['a/1', 'a/2', 'b/1']);
    await app.close();
  });
});
