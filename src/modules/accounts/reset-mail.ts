import type { ServiceContext } from '../../core/context.ts';
import { mailEnabled, queueMail } from '../mail/service.ts';
import type { ResetMail, ResetMailer } from './password-reset.ts';

/**
 * The reset mail in the person's language: why they get it, the link, that it works once for an
 * hour, and what to do when they did not ask. Nothing else about the account is in it.
 */
function resetMailText(mail: ResetMail) {
  const why = mail.byAdmin
    ? {
        nl: 'De beheerder van je organisatie vraagt je om een nieuw wachtwoord te kiezen voor Kruisbestuiving.',
        en: 'The admin of your organisation asks you to choose a new password for Kruisbestuiving.',
      }
    : {
        nl: 'Iemand vroeg om een nieuw wachtwoord voor je account bij Kruisbestuiving. Was jij dat? Kies dan een nieuw wachtwoord met de link hieronder.',
        en: 'Someone asked for a new password for your Kruisbestuiving account. Was that you? Then choose a new password with the link below.',
      };
  const notYou = mail.byAdmin
    ? { nl: 'Je huidige wachtwoord blijft werken tot je een nieuw kiest.', en: 'Your current password keeps working until you choose a new one.' }
    : {
        nl: 'Vroeg je dit niet? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.',
        en: 'Did you not ask for this? Then you need not do anything: your password stays the same.',
      };
  const once = {
    nl: 'De link werkt één keer en één uur lang. Daarna vraag je een nieuwe link aan.',
    en: 'The link works once, for one hour. After that, ask for a new link.',
  };
  return {
    subject: { nl: 'Kies een nieuw wachtwoord voor Kruisbestuiving', en: 'Choose a new password for Kruisbestuiving' },
    paragraphs: { nl: [why.nl, once.nl, notYou.nl], en: [why.en, once.en, notYou.en] },
    link: { url: mail.link, label: { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' } },
  };
}

/** Reset links go out through the mail outbox, in the transaction that made the link; undefined when the server sends no mail. */
export function resetMailer(ctx: Pick<ServiceContext, 'clock' | 'config'>): ResetMailer | undefined {
  if (!mailEnabled(ctx.config)) return undefined;
  return async (db, mail) => {
    await queueMail({ db, clock: ctx.clock, config: ctx.config }, { to: mail.to, language: mail.language, kind: 'password_reset', ...resetMailText(mail) });
  };
}
