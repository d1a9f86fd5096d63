import type { Language } from '../../core/language.ts';
import { dialogueQuestions } from './equal-position.shared.ts';
import { type PhaseKey, phases, type TopicKey, topicOf } from './phases.shared.ts';
import type { TrajectoryState } from './state.ts';

/** A charter section: one per phase, plus the dialogue on the equal position. */
export type SectionKey = PhaseKey | 'evenwaardige_positie';
export type OpenPoint = { section: SectionKey; key: string; label: string };

const words = {
  nl: {
    who: 'Voor wie jullie werken (de context)',
    sector: 'De sector',
    logics: 'Waarvoor jullie ervaringskennis inzetten',
    topic: (label: string) => `Afspraak: ${label}`,
    contribution: (name: string) => `Welke kennis ${name} meebrengt, staat er nog niet`,
    mandate: (name: string) => `Statuut en mandaat van ${name}`,
    roles: 'Wie welke rol opneemt',
    choice: 'Minstens één expliciete keuze, met de mogelijkheden en de reden',
    support: 'Welke steun er is (coaching, intervisie, supervisie)',
    check: (moment: 'start' | 'end') => (moment === 'start' ? 'De teamcheck bij de start' : 'De teamcheck op het einde'),
    position: (question: string) => `Standpunt: ${question}`,
  },
  en: {
    who: 'Who you work for (the context)',
    sector: 'The sector',
    logics: 'What you use experiential knowledge for',
    topic: (label: string) => `Agreement: ${label}`,
    contribution: (name: string) => `${name} has not yet written down the knowledge they bring`,
    mandate: (name: string) => `Status and mandate of ${name}`,
    roles: 'Who takes which role',
    choice: 'At least one explicit choice, with the options and the reason',
    support: 'What support there is (coaching, intervision, supervision)',
    check: (moment: 'start' | 'end') => (moment === 'start' ? 'The team check at the start' : 'The team check at the end'),
    position: (question: string) => `Position: ${question}`,
  },
};

const hasTopic = (state: TrajectoryState, topic: string) => state.agreements.some((a) => a.topic === topic && a.text.trim() !== '');

/** What the team has not agreed yet, section by section, in plain language. */
export function openPoints(state: TrajectoryState, lang: Language): OpenPoint[] {
  const w = words[lang];
  const points: OpenPoint[] = [];
  const add = (section: SectionKey, key: string, label: string) => points.push({ section, key, label });
  const topics = (section: PhaseKey) => {
    for (const topic of phases.find((p) => p.key === section)?.topics ?? []) {
      if (!hasTopic(state, topic.key)) add(section, `topic:${topic.key}`, w.topic(topicOf(topic.key as TopicKey).label[lang]));
    }
  };

  if (state.context.who.trim() === '') add('visie', 'context_who', w.who);
  if (!state.context.sector) add('visie', 'context_sector', w.sector);
  if (state.context.logics.length === 0) add('visie', 'logics', w.logics);
  topics('visie');

  for (const member of state.members) {
    if (!state.contributions.some((c) => c.userId === member.userId))
      add('complementariteit', `contribution:${member.userId}`, w.contribution(member.displayName));
  }
  topics('complementariteit');

  topics('vertaling');
  for (const member of state.members.filter((m) => m.position === 'experience_worker')) {
    const mandate = state.mandates.find((m) => m.userId === member.userId);
    if (!mandate || mandate.statuses.length === 0 || mandate.mayDecide.trim() === '')
      add('vertaling', `mandate:${member.userId}`, w.mandate(member.displayName));
  }
  if (state.roles.length === 0) add('vertaling', 'roles', w.roles);
  if (!state.agreements.some((a) => a.topic === 'keuze')) add('vertaling', 'choice', w.choice);

  for (const q of dialogueQuestions) {
    if (!state.equalPositions.some((p) => p.key === q.key)) add('evenwaardige_positie', `position:${q.key}`, w.position(q.text[lang]));
  }

  if (state.support.length === 0) add('omkadering', 'support', w.support);
  topics('omkadering');

  topics('ervaringsdelen');

  for (const moment of ['start', 'end'] as const) if (!state.checks.some((c) => c.moment === moment)) add('evaluatie', `check:${moment}`, w.check(moment));
  topics('evaluatie');
  return points;
}
