import { describe, expect, it } from 'vitest';
import { openPoints } from './open-points.ts';
import { emptyState, type TrajectoryState } from './state.ts';

const members: TrajectoryState['members'] = [
  { userId: 'p', displayName: 'Pieter', position: 'practitioner' },
  { userId: 'e', displayName: 'Eva', position: 'experience_worker' },
];

describe('openPoints', () => {
  it('lists everything for a new trajectory, section by section', () => {
    const points = openPoints({ ...emptyState('T', 'Team'), members }, 'nl');
    const count = (section: string) => points.filter((p) => p.section === section).length;
    expect(count('visie')).toBe(4);
    expect(count('complementariteit')).toBe(4);
    // Three topics, Eva's mandate, the roles and at least one choice.
    expect(count('vertaling')).toBe(6);
    // Twelve equal-position questions and the three central discussions.
    expect(count('evenwaardige_positie')).toBe(15);
    expect(count('omkadering')).toBe(3);
    expect(count('ervaringsdelen')).toBe(3);
    expect(count('evaluatie')).toBe(3);
  });

  it('closes a point when it is agreed, and a mandate needs a status and what may be decided', () => {
    const state: TrajectoryState = {
      ...emptyState('T', 'Team'),
      members,
      context: { who: 'Jongeren', sector: 'jeugdhulp', logics: ['burgerschap'] },
      agreements: [{ id: 'a', topic: 'visie', title: '', text: 'Samen.', options: [], reason: '', ownerUserId: null, reviewOn: null }],
      mandates: [{ userId: 'e', statuses: ['vrijwilliger'], mayDecide: '', maySign: '', informal: '' }],
      checks: [{ moment: 'start' }],
    };
    const keys = openPoints(state, 'en').map((p) => p.key);
    expect(keys.filter((k) => k.startsWith('context') || k === 'logics' || k === 'topic:visie')).toEqual([]);
    expect(keys).toContain('mandate:e');
    expect(keys).not.toContain('check:start');
    expect(keys).toContain('check:end');
    expect(openPoints(state, 'en').find((p) => p.key === 'mandate:e')?.label).toBe('Status and mandate of Eva');
  });
});
