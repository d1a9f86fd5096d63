import type { MessageCatalogue } from '../../core/errors.ts';
import { MAX_ADDRESSES } from './addresses.ts';

/** What people read when an invitation or branding rule refuses something; the edge picks the language. */
export const roundInvitationsMessages = {
  'round-invitations.mail_not_configured': {
    nl: 'E-mail is niet ingesteld op deze server. Vraag de beheerder om SMTP_URL en MAIL_FROM in te stellen; gebruik tot dan de open links.',
    en: 'E-mail is not set up on this server. Ask the administrator to set SMTP_URL and MAIL_FROM; until then, use the open links.',
  },
  'round-invitations.round_closed': {
    nl: 'Deze ronde is gesloten. Je kunt niemand meer uitnodigen.',
    en: 'This round is closed. You can no longer invite anyone.',
  },
  'round-invitations.too_many': { nl: `Stuur hoogstens ${MAX_ADDRESSES} adressen tegelijk.`, en: `Send at most ${MAX_ADDRESSES} addresses at a time.` },
  'round-invitations.no_addresses': { nl: 'Er staat geen e-mailadres in de lijst.', en: 'The list holds no e-mail address.' },
  'round-invitations.bad_link': { nl: 'Kies een link van deze ronde.', en: 'Choose a link of this round.' },
  /** {closesOn}: the round's last day in words. */
  'round-invitations.reminder_date': {
    nl: 'Kies herinneringsdagen vanaf vandaag tot en met de laatste dag van de ronde ({closesOn}).',
    en: "Choose reminder days from today up to the round's last day ({closesOn}).",
  },
  /** {suggestion}: a darker colour that keeps the contrast. */
  'round-invitations.colour_contrast': {
    nl: 'Witte tekst is slecht te lezen op deze kleur (contrast lager dan 4,5 : 1). Kies een donkerdere kleur, bijvoorbeeld {suggestion}.',
    en: 'White text is hard to read on this colour (contrast below 4.5 : 1). Choose a darker colour, for example {suggestion}.',
  },
  'round-invitations.logo_not_an_image': {
    nl: 'Dit bestand is geen JPEG-, PNG- of WebP-afbeelding die we kunnen lezen.',
    en: 'This file is not a JPEG, PNG or WebP image we can read.',
  },
  'round-invitations.logo_too_many_pixels': {
    nl: 'Deze afbeelding is te groot (te veel pixels). Kies een kleinere.',
    en: 'This image is too large (too many pixels). Choose a smaller one.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    'round-invitations': keyof typeof roundInvitationsMessages;
  }
}
