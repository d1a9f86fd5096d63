import { describe, expect, it } from 'vitest';
import { emptyState, type TrajectoryState } from '../state.ts';
import { diffCharter } from './diff.ts';
import { generateCharter } from './generate.ts';
import { charterMarkdown } from './markdown.ts';
import { signingState } from './signing.ts';

const members: TrajectoryState['members'] = [
  { userId: 'u1', displayName: 'Pieter', position: 'practitioner' },
  { userId: 'u2', displayName: 'Cora', position: 'coordinator' },
  { userId: 'u3', displayName: 'Bo', position: 'policy_officer' },
  { userId: 'u4', displayName: 'Eva', position: 'experience_worker' },
];

const agreed = (): TrajectoryState => ({
  ...emptyState('Samen sterker', 'Team Noord'),
  members,
  context: { who: 'Jongeren die de hulp niet vinden', sector: 'jeugdhulp', logics: ['toegankelijke_hulpverlening'] },
  agreements: [
    { id: 'a1', topic: 'visie', title: '', text: 'Ervaringskennis stuurt mee.', options: [], reason: '', ownerUserId: 'u4', reviewOn: '2027-06-01' },
    {
      id: 'a2',
      topic: 'keuze',
      title: 'Betalen we ervaringswerk?',
      text: 'Ja, volgens functie.',
      options: ['Ja', 'Nee'],
      reason: 'Gelijk werk, gelijk loon.',
      ownerUserId: 'u2',
      reviewOn: null,
    },
  ],
  contributions: [
    {
      userId: 'u4',
      experiential: true,
      positions: ['aandoening', 'biografisch'],
      experientialNote: 'jeugdhulp',
      professional: false,
      professionalNote: '',
      otherNote: '',
    },
    { userId: 'u1', experiential: false, positions: [], experientialNote: '', professional: true, professionalNote: 'begeleider', otherNote: '' },
  ],
  roles: [{ roleKey: 'brugfiguur', userId: 'u4', hoursPerWeek: 8 }],
  mandates: [{ userId: 'u4', statuses: ['betaalde_werknemer'], mayDecide: 'eigen agenda', maySign: 'verslagen', informal: 'spreekt op het overleg' }],
  equalPositions: [{ key: 'verloning_functie_diploma', position: 'Volgens functie.', reason: 'Ervaring telt.' }],
  equalViews: [
    { key: 'verloning_functie_diploma', userId: 'u1', view: 'Diploma telt ook.' },
    { key: 'verloning_functie_diploma', userId: 'u4', view: 'Functie, niet diploma.' },
  ],
});

describe('generateCharter', () => {
  it('follows the phases, in plain Dutch, with what is agreed and what is open', () => {
    const sections = generateCharter(agreed(), 'nl');
    expect(sections.map((s) => s.key)).toEqual([
      'kader',
      'visie',
      'complementariteit',
      'vertaling',
      'evenwaardige_positie',
      'omkadering',
      'ervaringsdelen',
      'evaluatie',
    ]);
    const visie = sections.find((s) => s.key === 'visie');
    expect(visie?.body).toContain('We werken voor jongeren die de hulp niet vinden.');
    expect(visie?.body).toContain('Ons werk hoort bij de sector jeugdhulp.');
    expect(visie?.body).toContain('Onze visie: Ervaringskennis stuurt mee. Eva bewaakt deze afspraak; we bekijken ze opnieuw tegen 1 juni 2027.');
    const vertaling = sections.find((s) => s.key === 'vertaling');
    expect(vertaling?.body).toContain('Eva neemt de rol brugfiguur op, 8 uur per week.');
    expect(vertaling?.body).toContain(
      'We bekeken deze mogelijkheden: Ja, Nee. We kozen: Ja, volgens functie. De reden: Gelijk werk, gelijk loon. Cora bewaakt deze afspraak.',
    );
    expect(vertaling?.body).toContain('Eva werkt als betaalde werknemer. Eva mag zelf beslissen over: eigen agenda. Eva mag ondertekenen: verslagen.');
    // Written as prose the team signs: no form fragments such as ".;" or "hij of zij".
    for (const section of sections) expect(section.body).not.toMatch(/\.;|;\.|hij of zij|: hoe vaak|\d{4}-\d{2}-\d{2}/);
    expect(vertaling?.body).toContain('Het informele mandaat van Eva: spreekt op het overleg.');
    // Both views stay visible next to the team's position.
    const equal = sections.find((s) => s.key === 'evenwaardige_positie');
    expect(equal?.body).toContain('Pieter: Diploma telt ook.');
    expect(equal?.body).toContain('Eva: Functie, niet diploma.');
    // Eleven equal-position questions and the three central discussions are still open.
    expect(equal?.open.length).toBe(14);
    expect(sections.find((s) => s.key === 'complementariteit')?.open).toEqual([
      'Welke kennis Cora meebrengt, staat er nog niet',
      'Welke kennis Bo meebrengt, staat er nog niet',
      'Afspraak: Hoe we elkaar aanvullen',
      'Afspraak: Twee soorten kennis samenbrengen',
    ]);
    expect(sections.find((s) => s.key === 'complementariteit')?.body).toContain(
      'Niemand in het team brengt ervaringskennis (het maatschappelijke) of andere kennis mee.',
    );
    expect(sections.find((s) => s.key === 'evaluatie')?.open).toContain('De teamcheck bij de start');
  });

  it('speaks English too, and an empty trajectory is all open', () => {
    const sections = generateCharter({ ...emptyState('Together', 'North'), members }, 'en');
    expect(sections[0]?.title).toBe('About this charter');
    expect(sections.find((s) => s.key === 'visie')?.open).toEqual([
      'Who you work for (the context)',
      'The sector',
      'What you use experiential knowledge for',
      'Agreement: Our vision',
    ]);
    expect(sections.find((s) => s.key === 'omkadering')?.body).toBe('');
  });

  it('writes support and the team check as sentences, in Dutch and English', () => {
    const state: TrajectoryState = {
      ...agreed(),
      support: [{ kind: 'coaching', frequency: 'elke twee weken', byWhom: 'de teamcoach', forWhom: 'alle ervaringswerkers' }],
      checks: [{ moment: 'start' }, { moment: 'end' }] as TrajectoryState['checks'],
    };
    const nl = generateCharter(state, 'nl');
    expect(nl.find((s) => s.key === 'omkadering')?.body).toBe('Coaching: elke twee weken, door de teamcoach, voor alle ervaringswerkers.');
    expect(nl.find((s) => s.key === 'evaluatie')?.body).toBe('We deden de teamcheck bij de start en op het einde.');
    expect(nl.find((s) => s.key === 'kader')?.body).toContain(
      'In het team zitten Pieter (praktijkwerker), Cora (coördinator), Bo (beleidsmedewerker) en Eva (ervaringswerker).',
    );
    const en = generateCharter(state, 'en');
    expect(en.find((s) => s.key === 'evaluatie')?.body).toBe('We did the team check at the start and at the end.');
    expect(en.find((s) => s.key === 'vertaling')?.body).toContain('Eva takes the role of bridge figure, 8 hours a week.');
  });

  it('is the same for the same state', () => {
    expect(generateCharter(agreed(), 'nl')).toEqual(generateCharter(agreed(), 'nl'));
  });
});

describe('diffCharter', () => {
  it('shows the words that changed in a section and leaves the rest alone', () => {
    const before = generateCharter(agreed(), 'nl');
    const changed = agreed();
    changed.agreements[0] = { ...(changed.agreements[0] as TrajectoryState['agreements'][number]), text: 'Ervaringskennis stuurt alles mee.' };
    const diff = diffCharter(before, generateCharter(changed, 'nl'));
    const visie = diff.find((d) => d.key === 'visie');
    expect(visie?.change).toBe('changed');
    expect(visie?.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['alles']);
    expect(diff.filter((d) => d.change === 'changed').map((d) => d.key)).toEqual(['visie']);
  });

  it('a first version has nothing to compare with', () => {
    expect(diffCharter(null, generateCharter(agreed(), 'nl')).every((d) => d.change === 'same')).toBe(true);
  });
});

describe('signingState', () => {
  it('is established only when every current member signed', () => {
    const some = signingState(members, [{ userId: 'u1', signedAt: '2027-01-01' }]);
    expect(some.established).toBe(false);
    expect(some.missing.map((m) => m.displayName)).toEqual(['Cora', 'Bo', 'Eva']);
    const all = signingState(
      members,
      members.map((m) => ({ userId: m.userId, signedAt: '2027-01-02' })),
    );
    expect(all.established).toBe(true);
    // Someone who left the team no longer counts, someone new must still sign.
    const changedTeam = signingState([...members.slice(1), { userId: 'u5', displayName: 'Nieuw', position: 'practitioner' as const }], all.signed);
    expect(changedTeam.established).toBe(false);
    expect(changedTeam.missing.map((m) => m.userId)).toEqual(['u5']);
    expect(signingState([], []).established).toBe(false);
  });
});

describe('charterMarkdown', () => {
  it("escapes the team's words and lists open points and signatures", () => {
    const state = agreed();
    state.agreements[0] = { ...(state.agreements[0] as TrajectoryState['agreements'][number]), text: 'Geen *opmaak* hier' };
    const md = charterMarkdown({
      title: 'Samen sterker',
      team: 'Team Noord',
      version: 2,
      language: 'nl',
      sections: generateCharter(state, 'nl'),
      signatures: [{ displayName: 'Eva', signedAt: '2027-01-02T10:00:00.000Z' }],
      missing: [{ displayName: 'Bo' }],
      established: false,
    });
    expect(md).toContain('# Samenwerkingskader: Samen sterker');
    expect(md).toContain('Geen \\*opmaak\\* hier');
    expect(md).toContain('**Nog open:**');
    expect(md).toContain('- Eva, ondertekend op 2027-01-02');
    expect(md).toContain('**Nog niet ondertekend:** Bo');
  });
});
