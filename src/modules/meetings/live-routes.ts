import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { registerAnonymousErrorReport } from '../../http/anonymous.ts';
import { openMeeting } from './access.ts';
import type { MeetingBus, MeetingEvent } from './events.ts';
import { meetingsChanged } from './hot-cache.ts';
import { coalesce, liveSnapshot, throttle } from './live.ts';
import { type AnswerSocket, answerOverSocket, messageBudget } from './live-answers.ts';
import { meetingByCode, participantOf, resultsShownToPhones } from './participant.ts';
import { PARTICIPANT_COOKIE, pickLanguage } from './participant-http.ts';

/**
 * Live updates: a WebSocket per screen, with server-sent events as the fallback. Presenter screens
 * and facilitator panels (signed in) get aggregated snapshots; participants get only "something
 * changed" and fetch their own page, and may send their answers on their socket (live-answers.ts).
 * Not API routes: they answer with a stream, not JSON.
 */

/** At most one snapshot per meeting per this many ms, shared by all its staff screens on this process. */
const STAFF_INTERVAL_MS = 100;

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

export async function registerLiveRoutes(app: FastifyInstance, bus: MeetingBus, perMinute: number): Promise<void> {
  const ctx = app.services;
  const errors = registerAnonymousErrorReport(app);

  /**
   * Staff screens: a snapshot now, then one aggregated snapshot per meeting per interval while events
   * come (the first at once), computed once and sent to every staff screen of that meeting.
   */
  const staffRooms = new Map<string, { sinks: Set<Sink>; update: ReturnType<typeof coalesce>; unsubscribe: () => void }>();
  const snapshotMessage = async (meetingId: string) => {
    const snapshot = await liveSnapshot(ctx, meetingId).catch(() => undefined);
    return snapshot ? JSON.stringify({ type: 'snapshot', ...snapshot }) : undefined;
  };
  async function staff(req: FastifyRequest, sink: Sink) {
    let closed = false;
    let leave = () => {};
    sink.onClose(() => {
      closed = true;
      leave();
    });
    const params = staffParams.safeParse(req.params);
    if (!req.actor || !params.success) return sink.close();
    try {
      await openMeeting(ctx.db, req.actor, params.data.orgId, params.data.meetingId, 'moderate');
    } catch {
      return sink.close();
    }
    const meetingId = params.data.meetingId;
    const first = await snapshotMessage(meetingId);
    if (closed) return;
    if (first) sink.send(first);
    let room = staffRooms.get(meetingId);
    if (!room) {
      const sinks = new Set<Sink>();
      const update = coalesce(async () => {
        const data = sinks.size > 0 ? await snapshotMessage(meetingId) : undefined;
        if (data) for (const s of sinks) s.send(data);
      }, STAFF_INTERVAL_MS);
      room = { sinks, update, unsubscribe: bus.subscribe(meetingId, () => update.call()) };
      staffRooms.set(meetingId, room);
    }
    const joined = room;
    joined.sinks.add(sink);
    // An answer that came while the first snapshot was read is in the next one.
    joined.update.call();
    leave = () => {
      joined.sinks.delete(sink);
      if (joined.sinks.size > 0 || staffRooms.get(meetingId) !== joined) return;
      joined.update.cancel();
      joined.unsubscribe();
      staffRooms.delete(meetingId);
    };
  }

  /**
   * Participants: "state" at once, "answers" at most once a second and only while results show.
   * One subscription and one timer per meeting for all its phones on this process, so an answer costs
   * the same whether 10 or 10,000 phones follow the meeting. Returns what an answer on this socket needs.
   */
  const rooms = new Map<string, { sinks: Set<Sink>; answers: ReturnType<typeof throttle>; unsubscribe: () => void }>();
  const broadcast = (sinks: Set<Sink>, data: string) => {
    for (const sink of sinks) sink.send(data);
  };
  async function participant(req: FastifyRequest, sink: Sink, identify: boolean): Promise<AnswerSocket | undefined> {
    let closed = false;
    let leave = () => {};
    sink.onClose(() => {
      closed = true;
      leave();
    });
    const meeting = await meetingByCode(ctx, String((req.params as { code?: string }).code ?? ''));
    if (!meeting) {
      sink.close();
      return undefined;
    }
    if (closed) return undefined;
    let room = rooms.get(meeting.id);
    if (!room) {
      const sinks = new Set<Sink>();
      // Phones use "answers" only to redraw results they show: while the results are hidden (answer
      // first, then see each other) they are not told, which spares a message per phone per second.
      const tellPhones = async () => {
        const current = await meetingByCode(ctx, meeting.join_code);
        if (current && (await resultsShownToPhones(ctx, current))) broadcast(sinks, ANSWERS);
      };
      const answers = throttle(() => void tellPhones().catch(() => {}), 1000);
      const unsubscribe = bus.subscribe(meeting.id, (event: MeetingEvent) => {
        if (event.kind === 'joined') return;
        if (event.kind === 'answers') return answers.call();
        // The meeting changed (maybe on another process): answers on the sockets read it anew.
        meetingsChanged();
        broadcast(sinks, STATE);
      });
      room = { sinks, answers, unsubscribe };
      rooms.set(meeting.id, room);
    }
    const joined = room;
    joined.sinks.add(sink);
    leave = () => {
      joined.sinks.delete(sink);
      if (joined.sinks.size > 0 || rooms.get(meeting.id) !== joined) return;
      joined.answers.cancel();
      joined.unsubscribe();
      rooms.delete(meeting.id);
    };
    if (!identify) return undefined;
    // The participant is identified once, by the cookie sent with the socket's upgrade.
    const found = await participantOf(ctx, meeting, req.cookies[PARTICIPANT_COOKIE]);
    return { ctx, bus, errors, code: meeting.join_code, lang: pickLanguage(req, meeting.language), participant: found, perMinute };
  }

  const wsSink = (socket: import('ws').WebSocket): Sink => ({
    send: (data) => {
      if (socket.readyState === socket.OPEN) socket.send(data);
    },
    onClose: (fn) => socket.on('close', fn),
    close: () => socket.close(4404),
  });

  /** The phone's socket: listens at once (no message is lost while the meeting is read), answers one message at a time. */
  function participantSocket(socket: import('ws').WebSocket, req: FastifyRequest) {
    const sink = wsSink(socket);
    const ready = participant(req, sink, true).catch(() => undefined);
    const withinBudget = messageBudget(perMinute);
    // One message at a time, in order: a message that comes while none is under way starts at once.
    let queue: Promise<void> = Promise.resolve();
    let underWay = 0;
    const reply = async (data: import('ws').RawData, allowed: boolean) => {
      try {
        const answering = await ready;
        if (answering) sink.send(JSON.stringify(await answerOverSocket(answering, String(data), allowed)));
      } catch {
        // Not answered: the page falls back to the form post when no reply comes.
      } finally {
        underWay -= 1;
      }
    };
    socket.on('message', (data) => {
      const allowed = withinBudget();
      underWay += 1;
      queue = underWay === 1 ? reply(data, allowed) : queue.then(() => reply(data, allowed));
    });
  }

  // A socket's upgrade has no body to decompress and no answer to compress: those hooks are left out.
  const socketRoute = { websocket: true, schema: { hide: true }, compress: false, decompress: false } as const;
  await app.register(async (scope) => {
    scope.get('/meetings-live/:orgId/:meetingId/ws', socketRoute, (socket, req) => void staff(req, wsSink(socket)));
    scope.get('/meetings-live/:orgId/:meetingId/events', { schema: { hide: true } }, (req, reply) => void staff(req, sseSink(req, reply)));
    scope.get('/m/:code/ws', socketRoute, participantSocket);
    scope.get('/m/:code/events', { schema: { hide: true } }, (req, reply) => void participant(req, sseSink(req, reply), false));
  });
}
