import { describe, expect, it } from 'vitest';
import { builtinFrameworks, getBuiltinFramework } from './builtin.shared.ts';
import { framework } from './model.ts';

// Copied from shared/data/seed-figures.json (tables.roles.labels), in the order of Tabel 4.
const seedRoleLabels = {
  kritische_stem: 'Kritische stem',
  brugfiguur: 'Brugfiguur',
  signaalfunctie: 'Signaalfunctie',
  ondersteuning: 'Ondersteuning',
  leefwereld: 'Leefwereld',
  toegankelijkheid: 'Toegankelijkheid',
  beleidsbeinvloeding: 'Beleidsbeïnvloeding',
  beeldvorming_beinvloeden: 'Beeldvorming beïnvloeden',
  geen_specifieke_rol: 'Geen specifieke rol',
};

const keysOf = (key: string) => getBuiltinFramework(key)?.codes.map((c) => c.key);

describe('built-in frameworks', () => {
  it('are exactly these, at version 1 but the logics, which name their example at version 2', () => {
    expect(builtinFrameworks.map((f) => [f.key, f.version])).toEqual([
      ...[
        'roles',
        'knowledge_positions',
        'logics',
        'status',
        'training',
        'sectors',
        'team_positions',
        'support',
        'themes',
        'experiential_knowledge_marks',
        'central_discussions',
        'central_concepts',
        'historical_roots',
        'media_opportunities',
        'media_risks',
      ].map((key) => [key, 1]),
      ['logics', 2],
    ]);
  });

  it('hold the rest of the seed: concepts, roots, media, training and "De grote stap", with sources', () => {
    expect(keysOf('central_concepts')).toEqual([
      'ervaringskennis',
      'ervaringsdeskundigheid',
      'ervaringswerk',
      'verschil_deskundigheid_werk',
      'kwestie_van_competenties',
      'een_manier_onder_meerdere',
      'opleidingen_houden_apart',
    ]);
    expect(keysOf('historical_roots')).toEqual([
      'anonieme_alcoholisten',
      'burgerrechtenbeweging',
      'antipsychiatrie',
      'therapeutische_gemeenschappen',
      'client_patientenbewegingen',
      'verenigingen_armen_woord',
      'herstelbeweging',
    ]);
    expect(keysOf('media_opportunities')).toEqual([
      'kwetsbaarheid_bespreekbaar',
      'perspectief_bieden',
      'uitsluiting_concreet',
      'stigma_gedeelde_verantwoordelijkheid',
    ]);
    // The risks are the media checklist's own keys (stories/model.ts mediaChecklistKeys).
    expect(keysOf('media_risks')).toEqual(['polarisation', 'later_life', 'individualising', 'peer_contact']);
    expect(getBuiltinFramework('logics', 1)?.codes[2]?.definition.nl).not.toContain('De grote stap');
    expect(getBuiltinFramework('logics')?.codes[2]?.definition.nl).toContain('"De grote stap"');
    expect(keysOf('logics')).toEqual(['individuele_processen', 'toegankelijke_hulpverlening', 'burgerschap']);
    for (const key of ['central_concepts', 'historical_roots', 'media_opportunities', 'media_risks', 'logics'])
      expect(getBuiltinFramework(key)?.sources?.[0]?.nl, key).toContain('Cocreatie in beeld');
  });

  it('have the roles of Tabel 4 with the Dutch labels of the seed, in its order', () => {
    const roles = getBuiltinFramework('roles');
    expect(roles?.codes.map((c) => [c.key, c.label.nl])).toEqual(Object.entries(seedRoleLabels));
    expect(roles?.codes.filter((c) => c.exclusive).map((c) => c.key)).toEqual(['geen_specifieke_rol']);
  });

  it('have the code keys other modules rely on', () => {
    expect(keysOf('knowledge_positions')).toEqual(['aandoening', 'biografisch', 'maatschappelijk']);
    expect(getBuiltinFramework('knowledge_positions')?.codes[0]?.label).toEqual({ nl: "De 'aandoening'", en: 'The condition' });
    expect(keysOf('logics')).toEqual(['individuele_processen', 'toegankelijke_hulpverlening', 'burgerschap']);
    expect(keysOf('status')).toEqual(['vrijwilliger', 'betaalde_werknemer', 'zelfstandige', 'geen_statuut']);
    expect(keysOf('training')).toEqual(['geen_opleiding', 'opleiding_ervaringswerk', 'professionele_opleiding']);
    expect(keysOf('sectors')).toEqual(['ggz', 'verslavingszorg', 'jeugdhulp', 'other']);
    expect(keysOf('team_positions')).toEqual(['practitioner', 'coordinator', 'policy_officer', 'experience_worker']);
    expect(keysOf('support')).toEqual(['coaching', 'intervisie', 'supervisie', 'vorming', 'geen_ondersteuning']);
    expect(keysOf('themes')).toEqual([
      'stigma',
      'sociale_uitsluiting',
      'toegankelijkheid',
      'armoede',
      'herstel',
      'lotgenotencontact',
      'participatie',
      'huisvesting',
      'werk_en_inkomen',
      'verslaving',
      'psychische_kwetsbaarheid',
      'jeugd_en_gezin',
    ]);
    expect(keysOf('experiential_knowledge_marks')).toEqual([
      'verbinding_andere_verhalen',
      'reflectie_andere_kaders',
      'begrijpen_contexten',
      'meer_dan_eigen_verhaal',
    ]);
    expect(keysOf('central_discussions')).toEqual(['evenwaardig_inbedden', 'waarderen_en_erkennen', 'deskundigheid_ontwikkelen']);
  });

  it('mark "none" answers as exclusive, and only those', () => {
    const exclusive = builtinFrameworks.flatMap((f) => f.codes.filter((c) => c.exclusive).map((c) => `${f.key}.${c.key}`));
    // Status is not exclusive: the seed reports "vrijwilliger en geen statuut".
    expect(exclusive).toEqual(['roles.geen_specifieke_rol', 'training.geen_opleiding', 'support.geen_ondersteuning']);
  });

  it.each(builtinFrameworks.map((f) => [f.key, f] as const))('%s is valid, in both languages, with unique keys and one-line definitions', (_key, f) => {
    expect(framework.parse(f)).toEqual(f);
    expect(f.scope).toBe('builtin');
    const keys = f.codes.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const text of [f.name, f.description, ...f.codes.flatMap((c) => [c.label, c.definition])]) {
      expect(text.nl.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
    for (const c of f.codes) {
      for (const definition of [c.definition.nl, c.definition.en]) {
        expect(definition).not.toMatch(/\n/);
        expect(definition, c.key).toMatch(/[.?]$/);
      }
      // English is not a copy of the Dutch definition.
      expect(c.definition.en, c.key).not.toBe(c.definition.nl);
    }
  });

  it('finds a version, or the latest one; nothing for unknown keys or versions', () => {
    expect(getBuiltinFramework('roles', 1)?.key).toBe('roles');
    expect(getBuiltinFramework('roles')?.version).toBe(1);
    expect(getBuiltinFramework('roles', 2)).toBeUndefined();
    expect(getBuiltinFramework('nope')).toBeUndefined();
  });

  it('cannot be changed by a caller', () => {
    const codes = getBuiltinFramework('roles')?.codes ?? [];
    expect(() => {
      (codes as unknown[]).push({});
    }).toThrow();
    expect(Object.isFrozen(codes[0]?.label)).toBe(true);
  });
});
