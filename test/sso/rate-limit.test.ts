import { expect, it } from 'vitest';
import { Client, createTestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { midMinute } from '../helpers/rate-windows.ts';

describeEachDatabase('the sign-in rate limit applies to single sign-on', (dialect) => {
  it('the callback and the start answer 429 after the sign-in limit, like the password sign-in', async () => {
    const t = await createTestApp(dialect, { rateLimits: { loginPerMinute: 3, invitePerMinute: 1000, respondentPerMinute: 100_000 } }, midMinute);
    try {
      const browser = new Client(t.app);
      const callbacks: number[] = [];
      for (let i = 0; i < 5; i++) callbacks.push((await browser.get(`/api/auth/sso/callback?state=guess-${i}&code=x`)).statusCode);
      expect(callbacks).toEqual([303, 303, 303, 429, 429]);
      const starts: number[] = [];
      for (let i = 0; i < 5; i++) starts.push((await browser.post('/api/auth/sso/start', { email: `a${i}@nergens.example` })).statusCode);
      expect(starts).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
