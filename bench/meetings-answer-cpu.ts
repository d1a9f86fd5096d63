/**
 * The CPU an answer costs the app itself, without the network: N participants of one meeting (one
 * open single-choice prompt, a temporary SQLite data dir) answer through answerOverSocket, the code a
 * message on the phone's live socket runs, `concurrency` at once, each reply awaited (it comes after
 * the group commit and the log's flush). Prints the process's user and system CPU per answer. A
 * companion of bench/meetings.ts, whose answers also pay for WebSocket frames and loopback TCP; run
 * it with `--cpu-prof` to see where an answer's CPU goes.
 *
 * Run: node --import tsx bench/meetings-answer-cpu.ts [participants 10000] [concurrency 500]
 * (with DATABASE_URL set: on that PostgreSQL database instead, which should be empty; its tables are made)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRuntime } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Actor } from '../src/core/context.ts';
import type { AnonymousErrorReport } from '../src/http/anonymous.ts';
import { createUser } from '../src/modules/accounts/service.ts';
import { localBus } from '../src/modules/meetings/events.ts';
import { answerOverSocket } from '../src/modules/meetings/live-answers.ts';
import { join, meetingByCode } from '../src/modules/meetings/participant.ts';
import { control, createMeeting } from '../src/modules/meetings/service.ts';
import { addMembership, createOrganisation } from '../src/modules/organisations/service.ts';

const N = Math.max(1, Math.min(Number(process.argv[2] ?? 10_000), 10_000));
const CONCURRENCY = Math.max(1, Number(process.argv[3] ?? 500));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-answer-cpu-'));
const DATABASE_URL = process.env.DATABASE_URL;
const runtime = await openRuntime(loadConfig({ DATA_DIR: dir, ...(DATABASE_URL ? { DATABASE_URL } : {}) }));
try {
  const ctx = runtime.ctx;
  const userId = await createUser(ctx, { email: 'bench@example.org', displayName: 'Bench', password: 'bench-meetings-password' }, null);
  const orgId = await createOrganisation(ctx, { name: 'Bench', sector: 'other', actorUserId: userId });
  await addMembership(ctx, { organisationId: orgId, userId, role: 'admin', actorUserId: userId });
  const actor: Actor = { userId, language: 'nl', roles: new Map([[orgId, 'admin']]) };
  const created = await createMeeting(ctx, actor, orgId, {
    title: 'Benchmark',
    prompts: [{ kind: 'single', text: { nl: 'Keuze', en: 'Choice' }, options: ['a', 'b', 'c'].map((key) => ({ key, label: { nl: key, en: key } })) }],
  });
  await control(ctx, actor, orgId, created.id, { action: 'start' });
  const meeting = await meetingByCode(ctx, created.joinCode);
  if (!meeting) throw new Error('no meeting');
  const positions = ['experience_worker', 'practitioner', 'coordinator'] as const;
  await Promise.all(Array.from({ length: N }, (_, i) => join(ctx, meeting, positions[i % 3] ?? null)));
  const participants = await ctx.db.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meeting.id).execute();
  const promptId = created.prompts[0]?.id;
  const messages = participants.map((_, i) => JSON.stringify({ kind: 'answer', fields: { promptId, clientId: randomUUID(), choice: 'abc'[i % 3] } }));
  const bus = localBus();
  const errors = { record: () => {} } as unknown as AnonymousErrorReport;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < participants.length) {
      const i = next++;
      const socket = { ctx, bus, errors, code: created.joinCode, lang: 'nl' as const, participant: participants[i], perMinute: 1e9 };
      const reply = await answerOverSocket(socket, messages[i] ?? '', true);
      if (reply.kind !== 'saved') throw new Error(reply.message);
      JSON.stringify(reply);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  const perAnswer = (us: number) => (us / participants.length).toFixed(1);
  console.log(
    `${participants.length} answers, ${CONCURRENCY} at once, in-process on ${DATABASE_URL ? 'PostgreSQL' : 'SQLite'}: user ${perAnswer(used.user)} µs + system ${perAnswer(used.system)} µs of CPU per answer, ${((performance.now() - t0) / 1000).toFixed(2)} s, Node ${process.versions.node}, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  await bus.close();
} finally {
  await runtime.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
