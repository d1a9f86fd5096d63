import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when an organisation rule refuses something; the edge picks the language. */
export const organisationsMessages = {
  'organisations.last_admin': { nl: 'Een organisatie heeft minstens één beheerder nodig.', en: 'An organisation needs at least one administrator.' },
  'organisations.already_member': {
    nl: 'Deze persoon is al lid van de organisatie.',
    en: 'This person is already a member of the organisation.',
  },
  'organisations.invitation_closed': {
    nl: 'Deze uitnodiging is al gebruikt of ingetrokken.',
    en: 'This invitation has already been used or revoked.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    organisations: keyof typeof organisationsMessages;
  }
}
