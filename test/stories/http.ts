import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/http/app.ts';
import type { Client } from '../helpers/app.ts';

/** Sends raw bytes like the web app's photo upload: the session cookie, the CSRF token and an image content type. */
export async function sendBytes(app: App, client: Client, url: string, bytes: Buffer, contentType = 'image/jpeg'): Promise<LightMyRequestResponse> {
  if (client.csrfToken === undefined) await client.refreshCsrf();
  return app.inject({
    method: 'PUT',
    url,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrfToken ?? '',
      'content-type': contentType,
      'accept-language': client.language,
    },
    payload: bytes,
  });
}
