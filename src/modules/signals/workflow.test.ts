import { describe, expect, it } from 'vitest';
import { checkTransition, daysWaiting, isFinished, nextStatuses, type SignalStatus, signalStatuses, waitsTooLong } from './workflow.ts';

const path: [SignalStatus, SignalStatus][] = [
  ['member_check', 'raised'],
  ['raised', 'discussed'],
  ['discussed', 'passed_on'],
  ['passed_on', 'taken_up'],
  ['passed_on', 'not_taken_up'],
  ['taken_up', 'feedback_given'],
  ['not_taken_up', 'feedback_given'],
];

describe('signal workflow', () => {
  it('allows exactly the steps of the signal path', () => {
    for (const from of signalStatuses)
      for (const to of signalStatuses) {
        const expected = path.some(([a, b]) => a === from && b === to);
        expect(checkTransition(from, to, 'een notitie').ok, `${from} → ${to}`).toBe(expected);
      }
  });

  it('refuses a skipped step and names the next one, in Dutch and English', () => {
    const result = checkTransition('raised', 'taken_up', '');
    expect(result).toEqual({
      ok: false,
      field: 'to',
      message: {
        nl: 'Een signaal dat gemeld is, kan niet naar ‘opgenomen’. De volgende stap is: besproken.',
        en: 'A signal that is raised cannot move to ‘taken up’. The next step is: discussed.',
      },
    });
  });

  it('lists both answers after passing on, and says that nothing follows feedback', () => {
    const fromPassed = checkTransition('passed_on', 'feedback_given', 'x');
    expect(!fromPassed.ok && fromPassed.message.nl).toContain('opgenomen of niet opgenomen');
    const fromEnd = checkTransition('feedback_given', 'raised', 'x');
    expect(!fromEnd.ok && fromEnd.message.en).toBe('This signal is already feedback given; no further step follows.');
    expect(nextStatuses('feedback_given')).toEqual([]);
    expect(isFinished('feedback_given')).toBe(true);
    expect(isFinished('taken_up')).toBe(false);
  });

  it('needs a note for the feedback and for a refusal, not for the other steps', () => {
    expect(checkTransition('taken_up', 'feedback_given', '  ')).toMatchObject({ ok: false, field: 'note' });
    expect(checkTransition('passed_on', 'not_taken_up', '')).toMatchObject({ ok: false, field: 'note' });
    expect(checkTransition('passed_on', 'taken_up', '')).toEqual({ ok: true });
    expect(checkTransition('raised', 'discussed', '')).toEqual({ ok: true });
  });

  it('counts whole days of waiting since the last step, and none once finished', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(daysWaiting('raised', '2026-11-19T12:00:01Z', now)).toBe(9);
    expect(daysWaiting('raised', '2026-11-19T12:00:00Z', now)).toBe(10);
    expect(daysWaiting('feedback_given', '2020-01-01T00:00:00Z', now)).toBeNull();
    expect(waitsTooLong('passed_on', '2026-11-19T12:00:00Z', now, 10)).toBe(true);
    expect(waitsTooLong('passed_on', '2026-11-19T12:00:00Z', now, 11)).toBe(false);
    expect(waitsTooLong('feedback_given', '2000-01-01T00:00:00Z', now, 1)).toBe(false);
  });
});
