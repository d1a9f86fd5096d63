import { expect, it } from 'vitest';
import { coalescing, localBus, type MeetingEvent } from '../../src/modules/meetings/events.ts';

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
