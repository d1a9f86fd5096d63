import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers } from '../../src/modules/instruments/sample-answers.ts';

/**
 * Respondents filling the form page by page as a browser without JavaScript does: the welcome page,
 * "begin", then each page shown and posted, then the thank-you page (19 requests for the experience
 * workers' form). `concurrency` respondents at once, `total` complete responses in all.
 */
export async function fillForms(base: string, token: string, instrument: ResolvedInstrument, total: number, concurrency: number) {
  let started = 0;
  let completed = 0;
  let requests = 0;
  const failures: string[] = [];

  async function oneResponse(): Promise<void> {
    const jar = new Map<string, string>();
    const send = async (url: string, body?: URLSearchParams) => {
      requests++;
      const response = await fetch(`${base}${url}`, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          'accept-encoding': 'br, gzip',
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      for (const c of response.headers.getSetCookie()) {
        const pair = c.split(';')[0] ?? '';
        jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return { status: response.status, location: response.headers.get('location') ?? '', text: await response.text() };
    };
    const welcome = await send(`/r/${token}`);
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.text)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.text)?.[1] ?? '';
    const start = await send(`/r/${token}/start`, new URLSearchParams({ responseId, consentVersion, lang: 'nl', consent: 'yes' }));
    if (start.status !== 303) throw new Error(`start: ${start.status}`);
    // The first choice everywhere (as the respondent form's own test does): every page valid as posted.
    const answers = sampleAnswers(instrument);
    let url = start.location;
    for (const section of instrument.sections) {
      const shown = await send(url);
      if (shown.status !== 200) throw new Error(`${url}: ${shown.status}`);
      const fields = new URLSearchParams({ _action: 'next' });
      for (const [key, value] of Object.entries(answers))
        if (section.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))) for (const v of [value].flat()) fields.append(key, String(v));
      const posted = await send(url.split('?')[0] ?? url, fields);
      if (posted.status !== 303) throw new Error(`${url}: ${posted.status}`);
      url = posted.location;
    }
    const done = await send(url);
    if (done.status !== 200) throw new Error(`${url}: ${done.status}`);
    completed++;
  }

  const respondent = async () => {
    while (started < total) {
      started++;
      try {
        await oneResponse();
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, respondent));
  return { completed, requests, failures, seconds: (performance.now() - t0) / 1000 };
}
