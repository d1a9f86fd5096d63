import type { Language } from '../../core/language.ts';
import { type PolicyName, policies } from '../../core/policy.ts';
import type { RetentionSettings } from './retention-model.ts';

/**
 * The register of processing (GDPR art. 30) of one organisation, written from its real settings:
 * the retention periods, the disclosure threshold and the policy table that decides who sees what.
 * Pure: the same settings give the same register.
 */
export type RegisterInput = { organisationName: string; disclosureThreshold: number; retention: RetentionSettings; language: Language };
export type RegisterActivity = { key: string; name: string; data: string; purpose: string; retention: string; whoSees: string };
export type Register = { title: string; organisation: string; intro: string; activities: RegisterActivity[] };

const roleNames: Record<Language, Record<string, string>> = {
  nl: { admin: 'beheerders', researcher: 'onderzoekers', coordinator: 'coördinatoren', member: 'leden' },
  en: { admin: 'admins', researcher: 'researchers', coordinator: 'coordinators', member: 'members' },
};

const who = (policy: PolicyName, lang: Language) => {
  const names = (policies[policy] as readonly string[]).map((role) => roleNames[lang][role] ?? role);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${names.at(-1)}` : (names[0] ?? '');
};

const days = (n: number, lang: Language) => (lang === 'nl' ? `${n} dagen` : `${n} days`);

export function buildRegister(input: RegisterInput): Register {
  const { retention: r, language: l, disclosureThreshold: k } = input;
  const nl = l === 'nl';
  const activity = (key: string, text: Record<Language, Omit<RegisterActivity, 'key'>>): RegisterActivity => ({ key, ...text[l] });
  return {
    title: nl ? 'Register van verwerkingen' : 'Register of processing activities',
    organisation: input.organisationName,
    intro: nl
      ? 'Wat Kruisbestuiving voor deze organisatie bewaart, waarom, hoe lang en wie het ziet. Gemaakt uit de instellingen van nu; verandert een instelling, dan verandert dit register mee.'
      : 'What Kruisbestuiving keeps for this organisation, why, for how long and who sees it. Made from the current settings; when a setting changes, this register changes with it.',
    activities: [
      activity('accounts', {
        nl: {
          name: 'Accounts, lidmaatschappen en teams',
          data: 'Naam, e-mailadres, taal, rol in de organisatie, positie in een team. Sessies: wanneer iemand laatst actief was en het soort apparaat (browser en systeem, geen IP-adres). Links om een nieuw wachtwoord te kiezen: alleen een hash, één uur geldig.',
          purpose: 'Aanmelden en bepalen wie wat mag zien en doen.',
          retention: `Tot de persoon gewist wordt. Sessies: ${days(r.sessionsDays, l)} na het laatste gebruik.`,
          whoSees: `Ledenlijst: ${who('members.view', l)}. Teams: ${who('teams.view', l)}.`,
        },
        en: {
          name: 'Accounts, memberships and teams',
          data: 'Name, e-mail address, language, role in the organisation, position in a team. Sessions: when someone was last active and the kind of device (browser and system, no IP address). Links to choose a new password: only a hash, valid for an hour.',
          purpose: 'Signing in and deciding who may see and do what.',
          retention: `Until the person is erased. Sessions: ${days(r.sessionsDays, l)} after last use.`,
          whoSees: `Member list: ${who('members.view', l)}. Teams: ${who('teams.view', l)}.`,
        },
      }),
      activity('survey', {
        nl: {
          name: 'Vragenlijsten (In beeld)',
          data: 'Anonieme antwoorden: geen naam, geen IP-adres, geen uur; alleen de dag, de taal en de teamlink.',
          purpose: 'Praktijkonderzoek naar ervaringswerk en samenwerking.',
          retention: `Losse antwoorden: ${days(r.rawAnswersDays, l)} na het sluiten van de ronde; daarna blijven alleen de tellingen per tabel.`,
          whoSees: `Losse antwoorden (zonder naam): ${who('reports.raw', l)}. Tabellen: ${who('reports.view', l)}, groepen kleiner dan ${k} worden niet getoond.`,
        },
        en: {
          name: 'Surveys (In beeld)',
          data: 'Anonymous answers: no name, no IP address, no hour; only the day, the language and the team link.',
          purpose: 'Practice research into experience work and collaboration.',
          retention: `Single answers: ${days(r.rawAnswersDays, l)} after the round closes; after that only the counts per table remain.`,
          whoSees: `Single answers (without names): ${who('reports.raw', l)}. Tables: ${who('reports.view', l)}; groups smaller than ${k} are not shown.`,
        },
      }),
      activity('stories', {
        nl: {
          name: 'Ervaringsverhalen, reflecties en foto’s',
          data: 'Wat iemand schrijft of fotografeert, met de gekozen zichtbaarheid (toestemming) en de positie van de auteur.',
          purpose: 'Ervaringskennis delen en er samen betekenis aan geven; onderzoek alleen met toestemming.',
          retention: `Tot de auteur het verhaal verwijdert. Als de auteur de organisatie verlaat: ${days(r.leaverStoriesDays, l)} daarna.`,
          whoSees: `Wie de auteur koos (team, organisatie). Voor onderzoek gedeeld, zonder naam: ${who('stories.research', l)}.`,
        },
        en: {
          name: 'Experience stories, reflections and photos',
          data: 'What someone writes or photographs, with the visibility they chose (consent) and the author’s position.',
          purpose: 'Sharing experiential knowledge and giving it meaning together; research only with consent.',
          retention: `Until the author deletes the story. When the author leaves the organisation: ${days(r.leaverStoriesDays, l)} after that.`,
          whoSees: `Whom the author chose (team, organisation). Shared for research, without names: ${who('stories.research', l)}.`,
        },
      }),
      activity('trajecten', {
        nl: {
          name: 'Trajecten en samenwerkingskaders',
          data: 'Afspraken, rollen, mandaten, intervisie, het kader met de handtekeningen.',
          purpose: 'Samen afspraken maken en vastleggen.',
          retention: 'Zolang het team het traject bewaart. Wie gewist wordt, blijft als ‘voormalig lid’ zonder naam in een getekend kader.',
          whoSees: 'De leden van het team, coördinatoren en beheerders. Intervisienotities: alleen de deelnemers.',
        },
        en: {
          name: 'Trajectories and collaboration charters',
          data: 'Agreements, roles, mandates, intervision, the charter with its signatures.',
          purpose: 'Making and recording agreements together.',
          retention: 'As long as the team keeps the trajectory. Someone who is erased stays in a signed charter as a ‘former member’ without a name.',
          whoSees: 'The team’s members, coordinators and admins. Intervision notes: the participants only.',
        },
      }),
      activity('signals', {
        nl: {
          name: 'Signalen',
          data: 'Wat iemand opmerkte, voor wie het een drempel is, en wat ermee gebeurde.',
          purpose: 'Uitsluiting en ontoegankelijkheid doorgeven aan beleid en opvolgen.',
          retention: `Zolang het signaal loopt; meldingen ${days(r.logsDays, l)}. Wie gewist wordt, blijft als ‘voormalig lid’ in de geschiedenis.`,
          whoSees: `Het team of de organisatie van het signaal; behandelen: ${who('signals.handle', l)}; rapport: ${who('signals.report', l)}, groepen kleiner dan ${k} niet getoond.`,
        },
        en: {
          name: 'Signals',
          data: 'What someone noticed, for whom it is a barrier, and what was done with it.',
          purpose: 'Passing exclusion and inaccessibility on to policy and following up.',
          retention: `As long as the signal runs; notifications ${days(r.logsDays, l)}. Someone who is erased stays in the history as a ‘former member’.`,
          whoSees: `The signal’s team or organisation; handling: ${who('signals.handle', l)}; report: ${who('signals.report', l)}, groups smaller than ${k} not shown.`,
        },
      }),
      activity('audit', {
        nl: {
          name: 'Audittrail',
          data: 'Wie wat deed of las met gegevens van mensen, en wanneer; geen inhoud. Elke regel is met een hash aan de vorige gekoppeld.',
          purpose: 'Verantwoording: aantonen dat gegevens juist gebruikt worden.',
          retention: `${days(r.auditDays, l)}.`,
          whoSees: who('audit.view', l),
        },
        en: {
          name: 'Audit trail',
          data: 'Who did or read what with people’s data, and when; no content. Each entry is linked to the previous one by a hash.',
          purpose: 'Accountability: showing that data is used properly.',
          retention: `${days(r.auditDays, l)}.`,
          whoSees: who('audit.view', l),
        },
      }),
      activity('logs', {
        nl: {
          name: 'Technische logboeken',
          data: 'Verzoeken aan de server (pad, status); geen inhoud, wachtwoorden of antwoorden.',
          purpose: 'Storingen vinden en misbruik tegengaan.',
          retention: `${days(r.logsDays, l)} (de beheerder van de server bewaart ze niet langer).`,
          whoSees: 'De technische beheerder van de server.',
        },
        en: {
          name: 'Technical logs',
          data: 'Requests to the server (path, status); no content, passwords or answers.',
          purpose: 'Finding faults and preventing abuse.',
          retention: `${days(r.logsDays, l)} (the server's operator keeps them no longer).`,
          whoSees: 'The technical operator of the server.',
        },
      }),
    ],
  };
}

export function registerMarkdown(register: Register, language: Language): string {
  const labels = language === 'nl' ? ['Gegevens', 'Doel', 'Bewaartermijn', 'Wie ziet het'] : ['Data', 'Purpose', 'Kept for', 'Who sees it'];
  const parts = [`# ${register.title} — ${register.organisation}`, '', register.intro, ''];
  for (const a of register.activities) {
    parts.push(
      `## ${a.name}`,
      '',
      `- **${labels[0]}:** ${a.data}`,
      `- **${labels[1]}:** ${a.purpose}`,
      `- **${labels[2]}:** ${a.retention}`,
      `- **${labels[3]}:** ${a.whoSees}`,
      '',
    );
  }
  return parts.join('\n');
}
