import { visibleQuestions } from './answers.ts';
import type { ResolvedInstrument, ResolvedQuestion } from './resolve.ts';

/** Picks a whole number in [0, n): `() => 0` gives the first choice everywhere, a random one gives variety. */
export type Pick = (n: number) => number;

export type PostedAnswers = Record<string, string | string[]>;

function answerFor(q: ResolvedQuestion, pick: Pick): PostedAnswers {
  switch (q.type) {
    case 'single':
      return { [q.key]: q.options[pick(q.options.length)]?.key ?? '' };
    case 'multiple': {
      const open = q.options.filter((o) => !o.exclusive);
      const exclusive = q.options.filter((o) => o.exclusive);
      if (exclusive.length > 0 && pick(20) === 19) return { [q.key]: [exclusive[0]?.key ?? ''] };
      const wanted = 1 + pick(Math.min(3, q.maxSelected ?? 3, open.length));
      const chosen = new Set<string>();
      for (let i = 0; chosen.size < wanted && i < wanted * 4; i++) chosen.add(open[(pick(open.length) + i) % open.length]?.key ?? '');
      return { [q.key]: [...chosen] };
    }
    case 'likert':
      return { [q.key]: String(q.points[pick(q.points.length)]?.value) };
    case 'number':
      return { [q.key]: String(q.min + pick(Math.min(q.max - q.min, 40) + 1)) };
    case 'short_text':
    case 'long_text':
      return { [q.key]: 'Een antwoord in mijn eigen woorden.' };
    case 'matrix':
      return Object.fromEntries(q.items.map((item) => [`${q.key}.${item.key}`, String(q.points[pick(q.points.length)]?.value)]));
  }
}

/**
 * A valid response to a whole instrument, in the shape a plain HTML form posts: every question a
 * respondent would see, given the answers before it. Optional questions are sometimes skipped when
 * `pick` varies. Used by tests, benchmarks and the demo data.
 */
export function sampleAnswers(instrument: ResolvedInstrument, pick: Pick = () => 0): PostedAnswers {
  const answers: PostedAnswers = {};
  for (const q of instrument.sections.flatMap((s) => s.questions)) {
    if (!visibleQuestions(instrument, answers).some((v) => v.key === q.key)) continue;
    if (!q.required && pick(5) === 4) continue;
    Object.assign(answers, answerFor(q, pick));
  }
  return answers;
}

/** A small, fast, seedable generator (mulberry32), so synthetic data sets can be made again exactly. */
export function seededPick(seed: number): Pick {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  };
}
