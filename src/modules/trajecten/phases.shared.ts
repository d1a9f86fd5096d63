import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { LocalisedText } from '../frameworks/model.ts';

/**
 * The six phases of a co-creative trajectory, from the seed's "Concreet" slides. Each phase has a
 * short explanation in the seed's words, prompts for the conversation, and the topics the team writes
 * an agreement on. Topics are stable keys: the charter and the open points are built from them.
 */

const t = (nl: string, en: string): LocalisedText => ({ nl, en });

export const phaseKeys = ['visie', 'complementariteit', 'vertaling', 'omkadering', 'ervaringsdelen', 'evaluatie'] as const;
export type PhaseKey = (typeof phaseKeys)[number];

export const topicKeys = [
  'visie',
  'complementariteit',
  'kennis_samenbrengen',
  'wederzijdse_afstemming',
  'statuut_mandaat',
  'functies_taken_rollen',
  'omkadering',
  'kritische_functie',
  'momenten',
  'vormen',
  'terugkoppeling',
  'evaluatie',
] as const;
export type TopicKey = (typeof topicKeys)[number];

/** template: text an empty agreement starts from, for the team to change. */
export type Topic = { key: TopicKey; label: LocalisedText; prompt: LocalisedText; template?: LocalisedText };

/** The seed's observation that training keeps experiential and professional knowledge apart, from the glossary data. */
function trainingApart(): LocalisedText {
  const entry = getBuiltinFramework('central_concepts')?.codes.find((c) => c.key === 'opleidingen_houden_apart');
  if (!entry) throw new Error('the glossary entry opleidingen_houden_apart is missing');
  return entry.definition;
}
export type Phase = {
  key: PhaseKey;
  number: number;
  title: LocalisedText;
  seed: LocalisedText;
  explanation: LocalisedText;
  prompts: LocalisedText[];
  topics: Topic[];
};

export const phases: readonly Phase[] = [
  {
    key: 'visie',
    number: 1,
    title: t('Een gedragen visie', 'A shared vision'),
    seed: t('Ontwikkel samen een gedragen visie in relatie tot de eigen context.', 'Develop together a shared vision in relation to your own context.'),
    explanation: t(
      'Spreek samen af waarom jullie met ervaringskennis werken: voor wie, in welke sector en met welk doel. De invulling hangt af van jullie context, maar mag geen eenzijdig verhaal worden.',
      'Agree together why you work with experiential knowledge: for whom, in which sector and for which purpose. How you fill it in depends on your context, but it must not become a one-sided story.',
    ),
    prompts: [
      t('Voor wie doen we dit? Wie zijn de mensen die we willen bereiken?', 'Who do we do this for? Who are the people we want to reach?'),
      t(
        'Waarvoor zetten we ervaringskennis in: om mensen te steunen, om hulp voor iedereen bereikbaar te maken, of om de samenleving te veranderen? En waarom?',
        'What do we use experiential knowledge for: to support people, to make help reachable for everyone, or to change society? And why?',
      ),
      t('Wat moet er over een jaar anders zijn?', 'What should be different a year from now?'),
    ],
    topics: [
      {
        key: 'visie',
        label: t('Onze visie', 'Our vision'),
        prompt: t('Schrijf in een paar zinnen wat jullie samen willen.', 'Write in a few sentences what you want together.'),
      },
    ],
  },
  {
    key: 'complementariteit',
    number: 2,
    title: t('Elkaars kennis aanvullen', 'Adding to each other’s knowledge'),
    seed: t('Ga op zoek naar de complementariteit van jullie expertise.', 'Look for how your expertise complements each other.'),
    explanation: t(
      'Iedereen schrijft op welke kennis die zelf meebrengt: ervaringskennis (en vanuit welke positie), professionele kennis of andere kennis. Het overzicht toont wat het team samen heeft, en wat nog ontbreekt.',
      'Everyone writes down the knowledge they bring: experiential knowledge (and from which position), professional knowledge or other knowledge. The overview shows what the team has together, and what is still missing.',
    ),
    prompts: [
      t('Welke kennis breng jij mee die een ander niet heeft?', 'What knowledge do you bring that someone else does not have?'),
      t('Waar vullen we elkaar aan? Waar ontbreekt iets?', 'Where do we complement each other? What is missing?'),
      t(
        `Het onderzoek zag dit: ${trainingApart().nl} Herkennen jullie dat? Hoe brengen jullie de twee soorten kennis toch samen?`,
        `The research saw this: ${trainingApart().en} Do you recognise that? How do you still bring the two kinds of knowledge together?`,
      ),
    ],
    topics: [
      {
        key: 'complementariteit',
        label: t('Hoe we elkaar aanvullen', 'How we complement each other'),
        prompt: t('Wat spreken jullie af over de gaten in het overzicht?', 'What do you agree about the gaps in the overview?'),
      },
      {
        key: 'kennis_samenbrengen',
        label: t('Twee soorten kennis samenbrengen', 'Bringing the two kinds of knowledge together'),
        prompt: t(
          'Opleidingen houden ervaringskennis en professionele kennis apart. Wat doen jullie om ze samen te brengen? Pas de tekst aan.',
          'Training keeps experiential and professional knowledge apart. What do you do to bring them together? Change the text.',
        ),
        template: t(
          'We leren samen: ervaringswerkers en professionals volgen vorming, intervisie of supervisie samen, … keer per jaar. Wat we leren uit ervaring schrijven we op naast wat we uit opleidingen weten. We vragen opleidingen en onderzoekers om ervaringskennis mee te nemen. Wie volgt dit op: …',
          'We learn together: experience workers and professionals take in-service training, intervision or supervision together, … times a year. What we learn from experience we write down next to what we know from training. We ask training programmes and researchers to include experiential knowledge. Who follows this up: …',
        ),
      },
    ],
  },
  {
    key: 'vertaling',
    number: 3,
    title: t('De visie concreet maken', 'Making the vision concrete'),
    seed: t(
      'Vertaal de visie concreet, met aandacht voor wederzijdse afstemming, statuut en mandaat, functies, taken en rollen. Durf keuzes te maken en te expliciteren.',
      'Translate the vision into practice, with attention to mutual alignment, status and mandate, functions, tasks and roles. Dare to make choices and to say them out loud.',
    ),
    explanation: t(
      'Maak afspraken over hoe jullie samenwerken, wat ervaringswerkers mogen beslissen en ondertekenen, en wie welke rol opneemt. Schrijf bij elke keuze welke mogelijkheden jullie bekeken en waarom jullie kozen.',
      'Agree how you work together, what experience workers may decide and sign, and who takes which role. For each choice, write which options you looked at and why you chose.',
    ),
    prompts: [
      t('Hoe stemmen we af, en hoe vaak?', 'How do we align, and how often?'),
      t('Wat mag een ervaringswerker zelf beslissen en ondertekenen?', 'What may an experience worker decide and sign on their own?'),
      t('Welke rol neemt wie op, en met hoeveel tijd?', 'Who takes which role, and with how much time?'),
      t('Welke keuze durven we te maken, en waarom?', 'Which choice do we dare to make, and why?'),
    ],
    topics: [
      { key: 'wederzijdse_afstemming', label: t('Wederzijdse afstemming', 'Mutual alignment'), prompt: t('Hoe stemmen jullie af?', 'How do you align?') },
      {
        key: 'statuut_mandaat',
        label: t('Statuut en mandaat', 'Status and mandate'),
        prompt: t('Wat spreken jullie af over statuut en mandaat?', 'What do you agree about status and mandate?'),
      },
      {
        key: 'functies_taken_rollen',
        label: t('Functies, taken en rollen', 'Functions, tasks and roles'),
        prompt: t('Wat spreken jullie af over taken en rollen?', 'What do you agree about tasks and roles?'),
      },
    ],
  },
  {
    key: 'omkadering',
    number: 4,
    title: t('Steun en begeleiding', 'Support and guidance'),
    seed: t(
      'Omkadering, coaching en intervisie garanderen. Het realiseren van een kritische functie is ook een gedeelde verantwoordelijkheid.',
      'Guarantee framing, coaching and intervision. Realising a critical function is also a shared responsibility.',
    ),
    explanation: t(
      'Spreek af welke steun er is: coaching, intervisie (hoe vaak, door wie, voor wie) en supervisie. De kritische stem ligt niet alleen bij de ervaringswerker: spreek af hoe het hele team die draagt.',
      'Agree what support there is: coaching, intervision (how often, by whom, for whom) and supervision. The critical voice is not only the experience worker’s: agree how the whole team carries it.',
    ),
    prompts: [
      t('Wie kan je aanspreken als het moeilijk wordt?', 'Who can you turn to when it gets hard?'),
      t('Hoe zorgen we dat kritische vragen gesteld worden, door iedereen?', 'How do we make sure critical questions are asked, by everyone?'),
    ],
    topics: [
      { key: 'omkadering', label: t('Steun', 'Support'), prompt: t('Wat spreken jullie af over steun?', 'What do you agree about support?') },
      {
        key: 'kritische_functie',
        label: t('De kritische functie, samen gedragen', 'The critical function, carried together'),
        prompt: t('Hoe dragen jullie de kritische functie samen?', 'How do you carry the critical function together?'),
      },
    ],
  },
  {
    key: 'ervaringsdelen',
    number: 5,
    title: t('Ervaringen delen en betekenis geven', 'Sharing experience and giving meaning'),
    seed: t(
      'Plaatsen voor ervaringsdelen en gedeeld betekenis geven aan ervaringen. Het aan de slag gaan met ervaringskennis is een gedeelde verantwoordelijkheid.',
      'Places for sharing experience and giving shared meaning to experiences. Working with experiential knowledge is a shared responsibility.',
    ),
    explanation: t(
      'Spreek af op welke momenten en in welke vormen jullie ervaringen delen, en hoe wat jullie zo leren terugkomt in het werk.',
      'Agree at which moments and in which forms you share experiences, and how what you learn that way comes back into the work.',
    ),
    prompts: [
      t('Wanneer delen we ervaringen? Is daar tijd voor?', 'When do we share experiences? Is there time for it?'),
      t('Hoe wordt wat we delen kennis die het werk verandert?', 'How does what we share become knowledge that changes the work?'),
    ],
    topics: [
      { key: 'momenten', label: t('Momenten', 'Moments'), prompt: t('Op welke momenten?', 'At which moments?') },
      { key: 'vormen', label: t('Vormen', 'Forms'), prompt: t('In welke vormen?', 'In which forms?') },
      {
        key: 'terugkoppeling',
        label: t('Terug naar het werk', 'Back into the work'),
        prompt: t('Hoe komen ervaring en betekenis terug in het werk?', 'How do experience and meaning come back into the work?'),
      },
    ],
  },
  {
    key: 'evaluatie',
    number: 6,
    title: t('Evaluatie', 'Evaluation'),
    seed: t(
      'Ervaringswerk is het collectief aan de slag gaan met ervaringskennis: een samenwerkingsverband, een gedeelde verantwoordelijkheid, met een duidelijk doel.',
      'Experience work is working collectively with experiential knowledge: a partnership, a shared responsibility, with a clear purpose.',
    ),
    explanation: t(
      'Vul bij de start en op het einde samen een korte teamcheck in. Zet de twee naast elkaar en spreek af wat jullie eruit leren.',
      'Fill in a short team check together at the start and at the end. Put the two side by side and agree what you learn from them.',
    ),
    prompts: [t('Wat is veranderd tussen de start en het einde?', 'What changed between the start and the end?')],
    topics: [
      {
        key: 'evaluatie',
        label: t('Wat we leren', 'What we learn'),
        prompt: t('Wat leren jullie uit de teamcheck?', 'What do you learn from the team check?'),
      },
    ],
  },
];

export const phaseOf = (key: PhaseKey): Phase => phases.find((p) => p.key === key) as Phase;
export const phaseOfTopic = (topic: TopicKey): Phase => phases.find((p) => p.topics.some((tp) => tp.key === topic)) as Phase;
export const topicOf = (key: TopicKey): Topic => phases.flatMap((p) => p.topics).find((tp) => tp.key === key) as Topic;
