import zlib from 'node:zlib';
import Fastify from 'fastify';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { fixedPageSender } from './public-page.tsx';

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
});
