import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { openMeeting } from './access.ts';
import type { MeetingBus, MeetingEvent } from './events.ts';
import { liveSnapshot, throttle } from './live.ts';
import { meetingByCode } from './participant.ts';

/**
 * Live updates: a WebSocket per screen, with server-sent events as the fallback. Presenter screens
 * and facilitator panels (signed in) get aggregated snapshots; participants get only "something
 * changed" and fetch their own page. Not API routes: they answer with a stream, not JSON.
 */

const STATE = JSON.stringify({ kind: 'state' });
const ANSWERS = JSON.stringify({ kind: 'answers' });

type Sink = { send: (data: string) => void; onClose: (fn: () => void) => void; close: () => void };

const staffParams = z.object({ orgId: z.uuid(), meetingId: z.uuid() });

function sseSink(req: FastifyRequest, reply: FastifyReply): Sink {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  reply.raw.write(': open\n\n');
  const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
  const closers: (() => void)[] = [() => clearInterval(ping)];
  req.raw.on('close', () => {
    for (const fn of closers) fn();
  });
  return { send: (data) => reply.raw.write(`data: ${data}\n\n`), onClose: (fn) => closers.push(fn), close: () => reply.raw.end() };
}

export async function registerLiveRoutes(app: FastifyInstance, bus: MeetingBus): Promise<void> {
  const ctx = app.services;

  /** A staff screen: a snapshot now, then one after each burst of events (within 100 ms). */
  async function staff(req: FastifyRequest, sink: Sink) {
    const params = staffParams.safeParse(req.params);
    if (!req.actor || !params.success) return sink.close();
    try {
      await openMeeting(ctx.db, req.actor, params.data.orgId, params.data.meetingId, 'moderate');
    } catch {
      return sink.close();
    }
    const meetingId = params.data.meetingId;
    const push = async () => {
      const snapshot = await liveSnapshot(ctx, meetingId).catch(() => undefined);
      if (snapshot) sink.send(JSON.stringify({ type: 'snapshot', ...snapshot }));
    };
    const update = throttle(() => void push(), 100);
    const unsubscribe = bus.subscribe(meetingId, () => update.call());
    sink.onClose(() => {
      update.cancel();
      unsubscribe();
    });
    await push();
  }

  /**
   * Participants: "state" at once, "answers" at most once a second (only used when results show).
   * One subscription and one timer per meeting for all its phones on this process, so an answer costs
   * the same whether 10 or 10,000 phones follow the meeting.
   */
  const rooms = new Map<string, { sinks: Set<Sink>; answers: ReturnType<typeof throttle>; unsubscribe: () => void }>();
  const broadcast = (sinks: Set<Sink>, data: string) => {
    for (const sink of sinks) sink.send(data);
  };
  async function participant(req: FastifyRequest, sink: Sink) {
    const meeting = await meetingByCode(ctx, String((req.params as { code?: string }).code ?? ''));
    if (!meeting) return sink.close();
    let room = rooms.get(meeting.id);
    if (!room) {
      const sinks = new Set<Sink>();
      const answers = throttle(() => broadcast(sinks, ANSWERS), 1000);
      const unsubscribe = bus.subscribe(meeting.id, (event: MeetingEvent) => {
        if (event.kind === 'state') broadcast(sinks, STATE);
        else answers.call();
      });
      room = { sinks, answers, unsubscribe };
      rooms.set(meeting.id, room);
    }
    const joined = room;
    joined.sinks.add(sink);
    sink.onClose(() => {
      joined.sinks.delete(sink);
      if (joined.sinks.size > 0 || rooms.get(meeting.id) !== joined) return;
      joined.answers.cancel();
      joined.unsubscribe();
      rooms.delete(meeting.id);
    });
  }

  const wsSink = (socket: import('ws').WebSocket): Sink => ({
    send: (data) => {
      if (socket.readyState === socket.OPEN) socket.send(data);
    },
    onClose: (fn) => socket.on('close', fn),
    close: () => socket.close(4404),
  });

  await app.register(async (scope) => {
    scope.get('/meetings-live/:orgId/:meetingId/ws', { websocket: true, schema: { hide: true } }, (socket, req) => void staff(req, wsSink(socket)));
    scope.get('/meetings-live/:orgId/:meetingId/events', { schema: { hide: true } }, (req, reply) => void staff(req, sseSink(req, reply)));
    scope.get('/m/:code/ws', { websocket: true, schema: { hide: true } }, (socket, req) => void participant(req, wsSink(socket)));
    scope.get('/m/:code/events', { schema: { hide: true } }, (req, reply) => void participant(req, sseSink(req, reply)));
  });
}
