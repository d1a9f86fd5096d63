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
    expect(visie?.body).toContain('Voor wie: Jongeren die de hulp niet vinden');
    expect(visie?.body).toContain('Sector: Jeugdhulp');
    expect(visie?.body).toContain('(Eigenaar: Eva; herzien tegen 2027-06-01.)');
    const vertaling = sections.find((s) => s.key === 'vertaling');
    expect(vertaling?.body).toContain('Brugfiguur: Eva (8 uur per week)');
    expect(vertaling?.body).toContain('We bekeken: Ja; Nee.');
    expect(vertaling?.body).toContain('Omdat: Gelijk werk, gelijk loon.');
    expect(vertaling?.body).toContain('Eva; statuut: betaalde werknemer; mag beslissen: eigen agenda');
    expect(vertaling?.body).toContain('mag ondertekenen: verslagen; informeel mandaat: spreekt op het overleg');
    // Both views stay visible next to the team's position.
    const equal = sections.find((s) => s.key === 'evenwaardige_positie');
    expect(equal?.body).toContain('Pieter: Diploma telt ook.');
    expect(equal?.body).toContain('Eva: Functie, niet diploma.');
    // Eleven equal-position questions and the three central discussions are still open.
    expect(equal?.open.length).toBe(14);
    expect(sections.find((s) => s.key === 'complementariteit')?.open).toEqual([
      'Cora schreef nog niet op welke kennis hij of zij meebrengt',
      'Bo schreef nog niet op welke kennis hij of zij meebrengt',
      'Afspraak: Hoe we elkaar aanvullen',
      'Afspraak: Twee soorten kennis samenbrengen',
    ]);
    expect(sections.find((s) => s.key === 'complementariteit')?.body).toContain(
      'Wat niemand in het team meebrengt: ervaringskennis (het maatschappelijke), andere kennis.',
    );
    expect(sections.find((s) => s.key === 'evaluatie')?.open).toContain('De teamcheck bij de start');
  });

  it('speaks English too, and an empty trajectory is all open', () => {
    const sections = generateCharter({ ...emptyState('Together', 'North'), members }, 'en');
    expect(sections[0]?.title).toBe('About this charter');
    expect(sections.find((s) => s.key === 'visie')?.open).toEqual([
      'Who you work for (the context)',
      'The sector',
      'Which of the three logics you serve',
      'Agreement: Our vision',
    ]);
    expect(sections.find((s) => s.key === 'omkadering')?.body).toBe('');
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
