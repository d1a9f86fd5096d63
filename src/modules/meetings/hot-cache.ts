import type { Db } from '../../db/database.ts';
import type { MeetingPromptTable, MeetingTable } from '../../db/tables/meetings.ts';

/**
 * A meeting's row and prompts, read by every phone's request, kept in memory for half a second.
 * Any write to a meeting or a prompt in this process (store.ts) and every "state" event from the
 * bus (other processes) start a new generation, so a change is seen at once here and as soon as its
 * event arrives elsewhere; the half second only bounds a write that raced a read.
 */

const TTL_MS = 500;
const MAX_ENTRIES = 1000;
let generation = 0;

type Entry<T> = { value: T; generation: number; until: number };
const meetingsByCode = new WeakMap<Db, Map<string, Entry<MeetingTable>>>();
const promptsByMeeting = new WeakMap<Db, Map<string, Entry<MeetingPromptTable[]>>>();

export function meetingsChanged(): void {
  generation += 1;
}

async function cached<T>(maps: WeakMap<Db, Map<string, Entry<T>>>, db: Db, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const map = maps.get(db) ?? new Map<string, Entry<T>>();
  maps.set(db, map);
  const hit = map.get(key);
  const now = Date.now();
  if (hit && hit.generation === generation && hit.until > now) return hit.value;
  const at = generation;
  const value = await load();
  if (map.size >= MAX_ENTRIES) map.clear();
  // Not cached when missing (an unknown code stays a counted guess) or when a write came in between.
  if (value !== undefined && at === generation) map.set(key, { value, generation: at, until: now + TTL_MS });
  else map.delete(key);
  return value;
}

export const cachedMeetingByCode = (db: Db, code: string, load: () => Promise<MeetingTable | undefined>) => cached(meetingsByCode, db, code, load);

export const cachedPrompts = (db: Db, meetingId: string, load: () => Promise<MeetingPromptTable[]>) => cached(promptsByMeeting, db, meetingId, load);
