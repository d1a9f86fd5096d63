import type { Language } from '../../core/language.ts';
import type { NotificationKind, WaitingKind } from './model.ts';

type Localised = { nl: string; en: string };

/** A day (YYYY-MM-DD) in words in the person's language: "12 januari 2027", "12 January 2027". */
export function dateInWords(day: string, lang: Language): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** What a signal's step did, said to the person who raised it: the step itself, not where the signal is now. */
const stepTexts: Record<string, Localised> = {
  raised: { nl: 'Je thema is na het toetsen een signaal geworden.', en: 'After checking, your theme became a signal.' },
  discussed: { nl: 'Je signaal is besproken in het team.', en: 'Your signal was discussed in the team.' },
  passed_on: { nl: 'Je signaal is doorgegeven aan beleid.', en: 'Your signal was passed on to policy.' },
  taken_up: { nl: 'Beleid heeft je signaal opgepakt.', en: 'Policy took up your signal.' },
  not_taken_up: { nl: 'Beleid heeft je signaal niet opgepakt. Lees waarom.', en: 'Policy did not take up your signal. Read why.' },
  feedback_given: { nl: 'Je signaal is beantwoord door beleid: er is terugkoppeling.', en: 'Your signal was answered by policy: there is feedback.' },
  member_check: { nl: 'Je thema wordt nu getoetst.', en: 'Your theme is now being checked.' },
};
const fallbackStep: Localised = { nl: 'Er is een stap gezet met je signaal.', en: 'A step was taken with your signal.' };

export function notificationText(kind: NotificationKind | string, params: Record<string, unknown>, lang: Language): string {
  switch (kind) {
    case 'signal_step':
      return (stepTexts[String(params.status)] ?? fallbackStep)[lang];
    case 'signal_member_check_requested':
      return lang === 'nl'
        ? 'Je wordt gevraagd een thema te toetsen: klopt het met wat jij meemaakte?'
        : 'You are asked to check a theme: does it match what you went through?';
    case 'signal_member_checked':
      return lang === 'nl' ? 'Iemand heeft gereageerd op een thema dat je liet toetsen.' : 'Someone responded to a theme you had checked.';
    case 'charter_to_sign':
      return lang === 'nl'
        ? `Er is een nieuwe versie (versie ${Number(params.version)}) van jullie samenwerkingskader. Lees en onderteken hem.`
        : `There is a new version (version ${Number(params.version)}) of your team's collaboration charter. Read and sign it.`;
    default:
      return lang === 'nl' ? 'Er is iets nieuws voor je.' : 'There is something new for you.';
  }
}

export function waitingText(kind: WaitingKind, params: { title?: string; version?: number; due?: string | null }, lang: Language): string {
  const title = params.title ?? '';
  const due = params.due ? dateInWords(params.due, lang) : '';
  switch (kind) {
    case 'charter_to_sign':
      return lang === 'nl'
        ? `Onderteken versie ${params.version} van het samenwerkingskader van ‘${title}’.`
        : `Sign version ${params.version} of the collaboration charter of ‘${title}’.`;
    case 'member_check':
      return lang === 'nl'
        ? `Toets het thema ‘${title}’: klopt het met wat jij meemaakte?`
        : `Check the theme ‘${title}’: does it match what you went through?`;
    case 'round_open':
      return lang === 'nl'
        ? `De vragenlijst ‘${title}’ staat open tot en met ${due}. Al ingevuld? Dan hoef je niets te doen.`
        : `The questionnaire ‘${title}’ is open until ${due}. Already filled in? Then there is nothing to do.`;
    case 'review_due':
      return lang === 'nl'
        ? `Je bekijkt de afspraak ‘${title}’ opnieuw op ${due}. Jij bent eigenaar.`
        : `You review the agreement ‘${title}’ on ${due}. You own it.`;
    case 'meeting_live':
      return lang === 'nl' ? `De ontmoeting ‘${title}’ van je team is bezig. Doe mee.` : `Your team's meeting ‘${title}’ is on now. Join in.`;
  }
}
