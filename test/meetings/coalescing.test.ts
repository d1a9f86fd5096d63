import { expect, it } from 'vitest';
import { coalescing, localBus, type MeetingEvent } from '../../src/modules/meetings/events.ts';
import { coalesce } from '../../src/modules/meetings/live.ts';

const MEETING = '0b6f3f4e-6a43-4f7e-9a38-6d1a3c2e9b10';

it('sends the first "answers" event at once, the burst after it as one more at the end of the window, "state" always at once', async () => {
  const inner = localBus();
  const seen: MeetingEvent['kind'][] = [];
  inner.subscribe(MEETING, (e) => seen.push(e.kind));
  const bus = coalescing(inner, 40);
  await bus.publish({ meetingId: MEETING, kind: 'answers' });
  expect(seen).toEqual(['answers']);
  for (let i = 0; i < 100; i++) await bus.publish({ meetingId: MEETING, kind: 'answers' });
  await bus.publish({ meetingId: MEETING, kind: 'state' });
  expect(seen).toEqual(['answers', 'state']);
  await new Promise((r) => setTimeout(r, 60));
  expect(seen).toEqual(['answers', 'state', 'answers']);
  // Quiet for a whole window: the next answer goes out at once again.
  await new Promise((r) => setTimeout(r, 60));
  await bus.publish({ meetingId: MEETING, kind: 'answers' });
  expect(seen).toEqual(['answers', 'state', 'answers', 'answers']);
  await bus.close();
});

it('keeps "joined" and "answers" apart: a join in the window of an answer does not swallow it, and each burst ends with its own kind', async () => {
  const inner = localBus();
  const seen: MeetingEvent['kind'][] = [];
  inner.subscribe(MEETING, (e) => seen.push(e.kind));
  const bus = coalescing(inner, 40);
  await bus.publish({ meetingId: MEETING, kind: 'joined' });
  await bus.publish({ meetingId: MEETING, kind: 'answers' });
  expect(seen).toEqual(['joined', 'answers']);
  for (let i = 0; i < 10; i++) await bus.publish({ meetingId: MEETING, kind: 'joined' });
  await new Promise((r) => setTimeout(r, 60));
  expect(seen).toEqual(['joined', 'answers', 'joined']);
  await bus.close();
});

it('computes a staff snapshot at once after a quiet spell, then once for a whole burst, never two at the same time', async () => {
  let runs = 0;
  let running = 0;
  let overlapped = false;
  const update = coalesce(async () => {
    runs += 1;
    running += 1;
    overlapped ||= running > 1;
    await new Promise((r) => setTimeout(r, 20));
    running -= 1;
  }, 30);
  update.call();
  await new Promise((r) => setTimeout(r, 5));
  expect(runs).toBe(1);
  for (let i = 0; i < 100; i++) update.call();
  await new Promise((r) => setTimeout(r, 120));
  expect(runs).toBe(2);
  expect(overlapped).toBe(false);
  update.cancel();
});
