import type { NotificationKind } from './model.ts';
import { notificationText } from './texts.ts';

/**
 * The words of notification e-mails, in both languages (the mail module picks the person's). What a
 * mail says is what the in-app notification says (a step, a version number): never a title, a
 * name, an answer or a signal's text. The link leads to the thing, behind sign-in.
 */
export function immediateMail(kind: NotificationKind | string, params: Record<string, unknown>) {
  return {
    subject: { nl: 'Er wacht iets op je in Kruisbestuiving', en: 'Something waits for you in Kruisbestuiving' },
    paragraphs: {
      nl: [notificationText(kind, params, 'nl'), 'Je krijgt deze e-mail omdat je koos voor een e-mail bij elke melding. Dat pas je aan bij Instellingen.'],
      en: [notificationText(kind, params, 'en'), 'You get this e-mail because you chose an e-mail for every notification. You can change that in Settings.'],
    },
    label: { nl: 'Bekijk het in Kruisbestuiving', en: 'See it in Kruisbestuiving' },
  };
}

export function digestMail(count: number, period: 'daily' | 'weekly') {
  const nlCount = count === 1 ? 'Er is 1 nieuwe melding voor je' : `Er zijn ${count} nieuwe meldingen voor je`;
  const enCount = count === 1 ? 'There is 1 new notification for you' : `There are ${count} new notifications for you`;
  return {
    subject: { nl: 'Nieuwe meldingen in Kruisbestuiving', en: 'New notifications in Kruisbestuiving' },
    paragraphs: {
      nl: [
        `${nlCount} in Kruisbestuiving.`,
        `Je krijgt dit overzicht ${period === 'daily' ? 'één keer per dag' : 'één keer per week'}. Dat pas je aan bij Instellingen.`,
      ],
      en: [`${enCount} in Kruisbestuiving.`, `You get this overview ${period === 'daily' ? 'once a day' : 'once a week'}. You can change that in Settings.`],
    },
    label: { nl: 'Bekijk je meldingen', en: 'See your notifications' },
  };
}
