/**
 * The life of a signal as a pure state machine: no database, no clock. A theme drawn from coded
 * stories starts in member checking; anything else starts as raised.
 */
export const signalStatuses = ['member_check', 'raised', 'discussed', 'passed_on', 'taken_up', 'not_taken_up', 'feedback_given'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

type Localised = { nl: string; en: string };

const next: Record<SignalStatus, readonly SignalStatus[]> = {
  member_check: ['raised'],
  raised: ['discussed'],
  discussed: ['passed_on'],
  passed_on: ['taken_up', 'not_taken_up'],
  taken_up: ['feedback_given'],
  not_taken_up: ['feedback_given'],
  feedback_given: [],
};

/** Steps whose note is required: the answer and the feedback must say something. */
const noteRequired: readonly SignalStatus[] = ['not_taken_up', 'feedback_given'];

export const statusLabels: Record<SignalStatus, Localised> = {
  member_check: { nl: 'ter toetsing', en: 'being checked' },
  raised: { nl: 'gemeld', en: 'raised' },
  discussed: { nl: 'besproken', en: 'discussed' },
  passed_on: { nl: 'doorgegeven', en: 'passed on' },
  taken_up: { nl: 'opgenomen', en: 'taken up' },
  not_taken_up: { nl: 'niet opgenomen', en: 'not taken up' },
  feedback_given: { nl: 'teruggekoppeld', en: 'feedback given' },
};

export const nextStatuses = (status: SignalStatus): readonly SignalStatus[] => next[status];

export const isFinished = (status: SignalStatus): boolean => next[status].length === 0;

/** Someone is still expected to act: every status but the last. */
export const awaitsAnswer = (status: SignalStatus): boolean => !isFinished(status);

export type TransitionResult = { ok: true } | { ok: false; field: 'to' | 'note'; message: Localised };

/** Whether a signal may move from one status to another with this note; says why not in plain words. */
export function checkTransition(from: SignalStatus, to: SignalStatus, note: string): TransitionResult {
  const allowed = next[from];
  if (!allowed.includes(to)) {
    const fromLabel = statusLabels[from];
    const toLabel = statusLabels[to];
    if (allowed.length === 0)
      return {
        ok: false,
        field: 'to',
        message: {
          nl: `Dit signaal is al ${fromLabel.nl}; er volgt geen stap meer.`,
          en: `This signal is already ${fromLabel.en}; no further step follows.`,
        },
      };
    const options = { nl: allowed.map((s) => statusLabels[s].nl).join(' of '), en: allowed.map((s) => statusLabels[s].en).join(' or ') };
    return {
      ok: false,
      field: 'to',
      message: {
        nl: `Een signaal dat ${fromLabel.nl} is, kan niet naar ‘${toLabel.nl}’. De volgende stap is: ${options.nl}.`,
        en: `A signal that is ${fromLabel.en} cannot move to ‘${toLabel.en}’. The next step is: ${options.en}.`,
      },
    };
  }
  if (noteRequired.includes(to) && note.trim() === '')
    return {
      ok: false,
      field: 'note',
      message:
        to === 'feedback_given'
          ? { nl: 'Schrijf de terugkoppeling voor wie het signaal gaf.', en: 'Write the feedback for the person who raised the signal.' }
          : { nl: 'Schrijf waarom het signaal niet opgenomen wordt.', en: 'Write why the signal is not taken up.' },
    };
  return { ok: true };
}

const DAY_MS = 86_400_000;

/** Whole days a signal has been waiting since its last step; null once it is finished. */
export function daysWaiting(status: SignalStatus, lastStepAt: string, now: Date): number | null {
  if (isFinished(status)) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(lastStepAt)) / DAY_MS));
}

/** Waiting too long: still open and no step for at least `days` days. */
export function waitsTooLong(status: SignalStatus, lastStepAt: string, now: Date, days: number): boolean {
  const waited = daysWaiting(status, lastStepAt, now);
  return waited !== null && waited >= days;
}
