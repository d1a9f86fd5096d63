import { describe, expect, it } from 'vitest';
import { signalAsMarkdown } from './export-text.ts';
import type { SignalView } from './model.ts';

const signal: SignalView = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Wachtlijst voor jongeren',
  status: 'feedback_given',
  level: 'regional',
  logic: 'toegankelijke_hulpverlening',
  theme: 'toegankelijkheid',
  team: { id: '00000000-0000-4000-8000-000000000002', name: 'Team Noord' },
  raisedBy: { id: 'u1', displayName: 'Sam' },
  raisedByMe: false,
  createdAt: '2026-10-01T09:00:00.000Z',
  lastStepAt: '2026-11-01T09:00:00.000Z',
  daysWaiting: null,
  observation: 'Jongeren wachten maanden.',
  barrierFor: 'Jongeren zonder netwerk',
  sourceCodeId: null,
  steps: [
    { from: null, to: 'member_check', note: '', by: { id: 'u1', displayName: 'Sam' }, at: '2026-10-01T09:00:00.000Z' },
    { from: 'taken_up', to: 'feedback_given', note: 'Er komt een inloopmoment.', by: { id: 'u2', displayName: 'Noor' }, at: '2026-11-01T09:00:00.000Z' },
  ],
  memberChecks: [
    { id: 'c1', stance: 'nuance', comment: 'Niet alleen jongeren.', by: { id: 'u3', displayName: 'Lena' }, at: '2026-10-02T09:00:00.000Z' },
    { id: 'c2', stance: 'confirm', comment: '', by: null, at: '2026-10-03T09:00:00.000Z' },
  ],
  stories: [{ id: 's1', title: 'Mijn eerste gesprek' }],
  canHandle: false,
  canCheck: false,
  nextStatuses: [],
  feedback: { note: 'Er komt een inloopmoment.', at: '2026-11-01T09:00:00.000Z', by: { id: 'u2', displayName: 'Noor' } },
};

const labels = { logic: { nl: 'Toegankelijke hulp', en: 'Accessible help' }, theme: { nl: 'Toegankelijkheid', en: 'Accessibility' } };

describe('a signal as Markdown', () => {
  it('carries what the people concerned said, every step and the feedback', () => {
    const text = signalAsMarkdown(signal, labels, 'nl');
    expect(text).toContain('# Signaal: Wachtlijst voor jongeren');
    expect(text).toContain('- Moet landen bij: regionaal of Vlaams beleid');
    expect(text).toContain('## Toetsing bij de betrokkenen\n\n- Lena nuanceert (2026-10-02): Niet alleen jongeren.\n- iemand bevestigt (2026-10-03)\n');
    expect(text).toContain('- 2026-11-01: teruggekoppeld (Noor) — Er komt een inloopmoment.');
    expect(text).toContain('## Terugkoppeling\n\nEr komt een inloopmoment.');
    expect(text).toContain('- Mijn eerste gesprek');
  });

  it('speaks English and says when nobody checked', () => {
    const text = signalAsMarkdown({ ...signal, memberChecks: [], stories: [], team: null, feedback: null }, { ...labels, theme: null }, 'en');
    expect(text).toContain('- Team: whole organisation');
    expect(text).toContain('- Theme: —');
    expect(text).toContain('## Member checking\n\nNobody has responded (yet).');
    expect(text).not.toContain('## Feedback');
    expect(text).not.toContain('Linked stories');
  });
});
