import { describe, expect, it } from 'vitest';
import { knowledgeMatrix } from './matrix.ts';

describe('knowledgeMatrix', () => {
  it('shows members × kinds of knowledge and the gaps', () => {
    const matrix = knowledgeMatrix({
      members: [
        { userId: 'a', displayName: 'A', position: 'experience_worker' },
        { userId: 'b', displayName: 'B', position: 'practitioner' },
        { userId: 'c', displayName: 'C', position: 'coordinator' },
      ],
      contributions: [
        { userId: 'a', experiential: true, positions: ['maatschappelijk'], experientialNote: '', professional: false, professionalNote: '', otherNote: '' },
        // Positions without experiential knowledge do not count.
        { userId: 'b', experiential: false, positions: ['aandoening'], experientialNote: '', professional: true, professionalNote: '', otherNote: 'recht' },
      ],
    });
    expect(matrix.columns).toEqual(['aandoening', 'biografisch', 'maatschappelijk', 'professioneel', 'ander']);
    expect(matrix.rows.map((r) => r.cells)).toEqual([
      [false, false, true, false, false],
      [false, false, false, true, true],
      [false, false, false, false, false],
    ]);
    expect(matrix.rows.map((r) => r.answered)).toEqual([true, true, false]);
    expect(matrix.gaps).toEqual(['aandoening', 'biografisch']);
  });
});
