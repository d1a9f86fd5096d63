import { builtin, code } from './builtin-define.shared.ts';

/**
 * The frameworks that describe people and organisations around the seed's survey (status and
 * training as in its "Percentages" slide) and the words the platform uses for sectors, team
 * positions, support (omkadering) and themes.
 */

export const status = builtin({
  key: 'status',
  name: ['Statuut', 'Status'],
  description: [
    'Op welke manier iemand als ervaringswerker werkt. Iemand kan twee statuten tegelijk hebben.',
    'On what basis a person works as an experience worker. A person can have two statuses at once.',
  ],
  codes: [
    code(
      'vrijwilliger',
      ['Vrijwilliger', 'Volunteer'],
      ['Werkt zonder loon, soms met een onkostenvergoeding.', 'Works without pay, sometimes with an expense allowance.'],
    ),
    code(
      'betaalde_werknemer',
      ['Betaalde werknemer', 'Paid employee'],
      ['Werkt met een arbeidscontract en krijgt loon.', 'Works under an employment contract and is paid.'],
    ),
    code('zelfstandige', ['Zelfstandige', 'Self-employed'], ['Werkt als zelfstandige of freelancer.', 'Works as a self-employed person or freelancer.']),
    code('geen_statuut', ['Geen statuut', 'No status'], ['Heeft geen formeel statuut.', 'Has no formal status.']),
  ],
});

export const training = builtin({
  key: 'training',
  name: ['Opleiding', 'Training'],
  description: [
    'Welke opleiding iemand gevolgd heeft. Een opleiding ervaringswerk en een professionele opleiding kunnen samen.',
    'Which training a person has followed. Experience-work training and professional training can go together.',
  ],
  codes: [
    code('geen_opleiding', ['Geen opleiding', 'No training'], ['Heeft geen opleiding gevolgd.', 'Has not followed any training.'], true),
    code(
      'opleiding_ervaringswerk',
      ['Opleiding ervaringswerk', 'Experience-work training'],
      ['Een opleiding die leert om ervaringskennis in te zetten.', 'Training that teaches how to use experiential knowledge.'],
    ),
    code(
      'professionele_opleiding',
      ['Professionele opleiding', 'Professional training'],
      ['Een gewone beroepsopleiding, zoals sociaal werk of verpleegkunde.', 'A regular professional education, such as social work or nursing.'],
    ),
  ],
});

export const sectors = builtin({
  key: 'sectors',
  name: ['Sectoren', 'Sectors'],
  description: [
    'Het werkveld van de zorg of ondersteuning waarin een organisatie of team werkt.',
    'The field of care or support in which an organisation or team works.',
  ],
  codes: [
    code(
      'ggz',
      ['GGZ (geestelijke gezondheidszorg)', 'Mental health care'],
      ['Zorg en steun voor mensen met een psychische kwetsbaarheid.', 'Care and support for people with a psychological vulnerability.'],
    ),
    code(
      'verslavingszorg',
      ['Verslavingszorg', 'Addiction care'],
      ['Zorg en steun voor mensen met een verslaving aan middelen of gedrag.', 'Care and support for people with an addiction to substances or behaviour.'],
    ),
    code(
      'jeugdhulp',
      ['Jeugdhulp', 'Youth care'],
      ['Hulp en steun voor kinderen, jongeren en gezinnen.', 'Help and support for children, young people and families.'],
    ),
    code('other', ['Andere sector', 'Other sector'], ['Een ander werkveld in het sociale domein.', 'Another field in the social domain.']),
  ],
});

export const teamPositions = builtin({
  key: 'team_positions',
  name: ['Posities in een team', 'Positions in a team'],
  description: [
    'Waar iemand staat in een team. Ervaringswerkers zijn volwaardige teamleden zoals de anderen.',
    'Where a person stands in a team. Experience workers are full team members like the others.',
  ],
  codes: [
    code(
      'practitioner',
      ['Praktijkwerker', 'Practitioner'],
      ['Werkt rechtstreeks met de mensen die hulp krijgen.', 'Works directly with the people who receive help.'],
    ),
    code('coordinator', ['Coördinator', 'Coordinator'], ['Coördineert een team of een dienst.', 'Coordinates a team or a service.']),
    code(
      'policy_officer',
      ['Beleidsmedewerker', 'Policy officer'],
      ['Werkt aan het beleid van een organisatie of overheid.', 'Works on the policy of an organisation or government.'],
    ),
    code(
      'experience_worker',
      ['Ervaringswerker', 'Experience worker'],
      ['Brengt ervaringskennis in het werk, betaald of als vrijwilliger.', 'Brings experiential knowledge into the work, paid or as a volunteer.'],
    ),
  ],
});

export const support = builtin({
  key: 'support',
  name: ['Omkadering', 'Framing and support'],
  description: ['De steun die de organisatie geeft rond ervaringswerk.', 'The support the organisation gives around experience work.'],
  codes: [
    code('coaching', ['Coaching', 'Coaching'], ['Persoonlijke begeleiding bij het opnemen van de rol.', 'Personal guidance in taking on the role.']),
    code(
      'intervisie',
      ['Intervisie', 'Intervision'],
      ["Collega's bespreken samen en als gelijken situaties uit het werk.", 'Colleagues discuss situations from their work together, as equals.'],
    ),
    code(
      'supervisie',
      ['Supervisie', 'Supervision'],
      [
        'Begeleiding door een ervaren begeleider die het eigen handelen mee bekijkt.',
        'Guidance by an experienced supervisor who reflects on your work with you.',
      ],
    ),
    code(
      'vorming',
      ['Vorming', 'In-service training'],
      ['Cursussen en vorming om verder te leren tijdens het werk.', 'Courses and sessions to keep learning while working.'],
    ),
    code('geen_ondersteuning', ['Geen ondersteuning', 'No support'], ['Er is geen omkadering.', 'There is no support.'], true),
  ],
});

export const themes = builtin({
  key: 'themes',
  name: ["Thema's", 'Themes'],
  description: ['Onderwerpen waarover verhalen, signalen en gesprekken gaan.', 'Subjects that stories, signals and conversations are about.'],
  codes: [
    code(
      'stigma',
      ['Stigma', 'Stigma'],
      ['Negatieve etiketten en vooroordelen over mensen, en hoe die doorwerken.', 'Negative labels and prejudice about people, and what they do.'],
    ),
    code(
      'sociale_uitsluiting',
      ['Sociale uitsluiting', 'Social exclusion'],
      ['Hoe mensen buiten de samenleving of buiten voorzieningen komen te staan.', 'How people end up shut out of society or out of services.'],
    ),
    code(
      'toegankelijkheid',
      ['Toegankelijkheid', 'Accessibility'],
      ['Of iedereen de hulp en diensten kan vinden en bereiken.', 'Whether everyone can find and reach help and services.'],
    ),
    code(
      'armoede',
      ['Armoede', 'Poverty'],
      ['Leven met te weinig middelen om volwaardig mee te doen in de samenleving.', 'Living with too few means to take full part in society.'],
    ),
    code(
      'herstel',
      ['Herstel', 'Recovery'],
      ['Een persoonlijk proces naar een zinvol leven, met of zonder klachten.', 'A personal process towards a meaningful life, with or without symptoms.'],
    ),
    code(
      'lotgenotencontact',
      ['Lotgenotencontact', 'Peer contact'],
      ['Contact tussen mensen die iets gelijkaardigs meemaakten.', 'Contact between people who went through something similar.'],
    ),
    code(
      'participatie',
      ['Participatie', 'Participation'],
      ['Mee kunnen doen en mee kunnen beslissen, in de hulp en in de samenleving.', 'Being able to take part and have a say, in care and in society.'],
    ),
    code(
      'huisvesting',
      ['Huisvesting', 'Housing'],
      ['Een betaalbare en veilige plek om te wonen vinden en houden.', 'Finding and keeping an affordable, safe place to live.'],
    ),
    code(
      'werk_en_inkomen',
      ['Werk en inkomen', 'Work and income'],
      ['Werk vinden en houden, en genoeg inkomen hebben om van te leven.', 'Finding and keeping work, and having enough income to live on.'],
    ),
    code(
      'verslaving',
      ['Verslaving', 'Addiction'],
      ['Leven met een afhankelijkheid van middelen of gedrag.', 'Living with a dependence on substances or behaviour.'],
    ),
    code(
      'psychische_kwetsbaarheid',
      ['Psychische kwetsbaarheid', 'Psychological vulnerability'],
      ['Leven met psychische problemen of een psychische aandoening.', 'Living with mental health problems or a mental illness.'],
    ),
    code(
      'jeugd_en_gezin',
      ['Jeugd en gezin', 'Youth and family'],
      [
        'Opgroeien, opvoeden en wat kinderen, jongeren en gezinnen meemaken in de hulp.',
        'Growing up, parenting, and what children, young people and families go through in care.',
      ],
    ),
  ],
});
