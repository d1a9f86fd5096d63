import { describe, expect, it } from 'vitest';
import { libraryPrompt, promptLibrary } from './library.ts';
import { promptInput } from './model.ts';

describe('the prompt library holds the whole seed', () => {
  it('every entry is a valid prompt', () => {
    for (const entry of promptLibrary()) expect(promptInput.safeParse(entry.prompt).success, entry.key).toBe(true);
  });

  it('has the glossary concepts, the historical roots, the media slide and each central discussion as prompts', () => {
    expect(libraryPrompt('concept_verschil_deskundigheid_werk')?.text.nl).toMatch(/^Het verschil tussen ervaringsdeskundigheid en ervaringswerk: /);
    expect(libraryPrompt('concept_een_manier_onder_meerdere')?.text.en).toMatch(/^Experiential expertise as one way among several: /);
    expect(libraryPrompt('concept_kwestie_van_competenties')?.kind).toBe('agree');
    expect(libraryPrompt('historical_roots')?.options?.map((o) => o.key)).toEqual([
      'anonieme_alcoholisten',
      'burgerrechtenbeweging',
      'antipsychiatrie',
      'therapeutische_gemeenschappen',
      'client_patientenbewegingen',
      'verenigingen_armen_woord',
      'herstelbeweging',
    ]);
    expect(libraryPrompt('media_opportunities')?.options?.map((o) => o.label.en)).toContain('Stigma is a shared responsibility');
    expect(libraryPrompt('media_risks')?.options).toHaveLength(4);
    expect(libraryPrompt('discussion_evenwaardig_inbedden')).toEqual({
      kind: 'open_text',
      text: { nl: 'Hoe kunnen we diverse vormen van kennis evenwaardig inbedden?', en: 'How can we embed different forms of knowledge on an equal footing?' },
      settings: { source: 'framework:central_discussions:evenwaardig_inbedden' },
    });
    expect(promptLibrary().filter((e) => e.key.startsWith('discussion_'))).toHaveLength(3);
  });
});
