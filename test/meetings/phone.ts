import type { App } from '../../src/http/app.ts';

/** A phone without JavaScript: plain form posts, cookies kept (also those of a platform session), redirects not followed. */
export class Phone {
  constructor(
    private readonly app: App,
    readonly cookies = new Map<string, string>(),
  ) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) {
    const payload = form
      ? new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString()
      : undefined;
    const response = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': 'nl',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const c of response.cookies as { name: string; value: string }[]) {
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }
}

/** The value of a hidden form field on a page. */
export const hidden = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]+)"`))?.[1] ?? '';
