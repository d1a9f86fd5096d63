import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { mailEnabled } from '../../src/modules/mail/service.ts';

it('mail is on only with SMTP_URL and MAIL_FROM', () => {
  expect(mailEnabled(loadConfig({}))).toBe(false);
  expect(loadConfig({ SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'noreply@example.org' }).mail).toEqual({
    smtpUrl: 'smtp://mail.example.org:587',
    from: 'noreply@example.org',
    pollMs: 10_000,
    firstRetryMs: 60_000,
  });
  expect(mailEnabled(loadConfig({ SMTP_URL: 'smtps://mail.example.org', MAIL_FROM: 'noreply@example.org' }))).toBe(true);
  expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM/);
  expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL/);
});
